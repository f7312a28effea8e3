/// The content `sitegen init` writes: settings, one company, one sample briefing with every
/// fact block and a chart, and an about page. It builds as it is.
enum StarterSite {
    static let files: [(path: String, text: String)] = [
        ("Content/site.yaml", """
            title: My Briefing
            description: Figures that matter, with their sources
            base_url: https://briefing.example.org/   # absolute URLs in the feed and sitemap only
            language: en                               # en | zh
            author: Briefing desk
            currency:
              display: USD                             # charts mixing currencies convert to this
              as_of: 2025-07-22
              rates: { CNY: 0.1393, HKD: 0.1274 }      # 1 unit = rate × display currency
            markdown: { smart: true, unsafe_html: false }

            """),
        ("Content/entities.yaml", """
            # Companies that facts refer to. Names and aliases are matched without regard to case.
            MiniMax:
              aliases: [Xiyu Technology]
              about: Shanghai model maker.

            """),
        ("Content/articles/2025-07-22-sample-briefing.md", """
            ---
            title: A sample briefing
            date: 2025-07-22
            summary: What a briefing with fact blocks looks like; edit or delete it.
            tags: [sample]
            source: { name: GMT Eight, date: 2025-07-22 }
            funding:
              - id: minimax-series-a
                company: MiniMax
                round: Series A
                date: 2024-03
                amount: $600M
                valuation: $2.5B
                investors: [Alibaba (lead), Tencent]
            salaries:
              - { id: intern, role: Core AI technical intern, employer: Major tech firms, pay: "¥5,000/day" }
              - { id: leader, role: Senior technical leader, employer: ByteDance, pay: 30M–40M CNY/year }
            distributions:
              - id: campus-monthly
                title: Campus-recruitment monthly salaries, AI roles
                buckets:
                  - { label: below ¥20k, share: 32.45% }
                  - { label: ¥20k–50k, share: rest }
                  - { label: above ¥50k, share: 18.17% }
            figures:
              - { id: m1-80k, group: m1-vs-r1, label: 80K-token reasoning, value: 30%, of: DeepSeek R1 compute }
              - { id: m1-100k, group: m1-vs-r1, label: 100K-token generation, value: 25%, of: DeepSeek R1 compute }
            ---
            Facts live in the front matter; the body links to them. MiniMax raised
            [$600 million](fact:minimax-series-a) in a Series A round.

            ## Pay

            ```chart
            of: salaries
            title: Pay in this briefing, annualised
            ```

            Blocks that no chart fence places are charted under *Key figures*, and every fact
            is listed with its source at the end of the page.

            """),
        ("Content/pages/about.md", """
            ---
            title: About
            summary: Who writes this briefing and how.
            ---
            Say who writes the briefing, where the figures come from and how to get in touch.

            """),
    ]
}
