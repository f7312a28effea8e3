#ifndef SITEGEN_CCMARK_SHIM_H
#define SITEGEN_CCMARK_SHIM_H
#include <stdlib.h>
#include <cmark.h>
#endif
