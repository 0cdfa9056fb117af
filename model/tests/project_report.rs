//! The design report: for PhotoShare it reproduces every figure of the worked example's
//! §3–§5 (golden); for another project it equals what the linked demos show for it.

use cloud_lab_model::autoscaling::{self, Autoscaling};
use cloud_lab_model::availability::Availability;
use cloud_lab_model::cost::Cost;
use cloud_lab_model::demo::Demo;
use cloud_lab_model::link::Query;
use cloud_lab_model::money::Usd;
use cloud_lab_model::project::examples::Example;
use cloud_lab_model::project::markdown::to_markdown;
use cloud_lab_model::project::report::{report, Report, Section};
use cloud_lab_model::project::Project;
use cloud_lab_model::scenario::Scenario;
use cloud_lab_model::serverless::{Cheaper, Serverless};

fn section<'r>(r: &'r Report, id: &str) -> &'r Section {
    r.sections.iter().find(|s| s.id == id).expect(id)
}

fn cells(r: &Report, table: &str) -> Vec<Vec<String>> {
    r.sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|t| t.id == table)
        .expect(table)
        .rows
        .clone()
}

/// PhotoShare's report and the rows of one of its tables.
fn photoshare_s(table: &str) -> (Report, Vec<Vec<String>>) {
    let r = report(&Project::default()).unwrap();
    let rows = cells(&r, table);
    (r, rows)
}

fn column(rows: &[Vec<String>], i: usize) -> Vec<&str> {
    rows.iter().map(|r| r[i].as_str()).collect()
}

#[test]
fn photoshare_s_report_reproduces_section_3_sizing() {
    let (r, rows) = photoshare_s("sizing-table");
    // ⌈13.3⌉ = 14 without the CDN; 96 req/s ⇒ 2; 9,000 at the edge ⇒ 720 ⇒ 8.
    assert_eq!(column(&rows, 1), ["1,200", "1,200", "9,000"]);
    assert_eq!(column(&rows, 2), ["0 %", "92 %", "92 %"]);
    assert_eq!(column(&rows, 3), ["1,200", "96", "720"]);
    assert_eq!(rows[0][4], "13.3");
    assert_eq!(column(&rows, 5), ["14", "2", "8"]);
    let s = section(&r, "sizing");
    assert_eq!(
        s.formulas[0].filled,
        "N = ⌈1,200 × (1 − 0.92) ÷ (150 × 0.6)⌉ = ⌈96 ÷ 90⌉ = 2"
    );
    assert!(
        s.lines[0].contains("so it counts 90 req/s a task"),
        "{}",
        s.lines[0]
    );
    assert!(
        s.lines[1].contains("within the ceiling of 20"),
        "{}",
        s.lines[1]
    );
}

#[test]
fn photoshare_s_report_reproduces_section_3_slo_and_budget() {
    let (r, rows) = photoshare_s("slo-table");
    assert_eq!(
        rows,
        [
            ["99 %", "0.01", "432 min", "3.65 days"],
            ["99.9 % — our SLO", "0.001", "43.2 min", "8.77 hours"],
            ["99.95 %", "0.0005", "21.6 min", "4.38 hours"],
            ["99.99 %", "0.0001", "4.32 min", "52.6 min"],
        ]
    );
    let s = section(&r, "slo");
    assert_eq!(
        s.formulas[0].filled,
        "budget = (1 − 0.999) × 43,200 = 43.2 min/month"
    );
    assert_eq!(s.formulas[1].filled, "9 × 0.5 ÷ 43.2 = 10.4 %");
    assert!(s.lines[0].ends_with("leaving 13.2 min."), "{}", s.lines[0]);
    let a = section(&r, "availability");
    assert!(
        a.lines[0].starts_with("The request path is ≈ 99.93 % available"),
        "{}",
        a.lines[0]
    );
    assert_eq!(a.lines[1], "The weakest link is the database (99.95 %).");
}

#[test]
fn photoshare_s_report_reproduces_section_4_the_bill() {
    let (r, rows) = photoshare_s("bill-table");
    assert_eq!(
        column(&rows, 2),
        ["1,460", "2,920", "730", "100", "1,460", "1", "2,048", "4,710", "410", "1", ""]
    );
    assert_eq!(
        column(&rows, 3),
        ["0.0445", "0.0049", "0.48", "0.115", "0.226", "28", "0.023", "0.085", "0.09", "75", ""]
    );
    assert_eq!(
        column(&rows, 4),
        [
            "$64.97",
            "$14.31",
            "$350.40",
            "$11.50",
            "$329.96",
            "$28.00",
            "$47.10",
            "$400.35",
            "$36.90",
            "$75.00",
            "$1,358.49"
        ]
    );
    let levers = cells(&r, "levers-table");
    assert_eq!(
        column(&levers, 2),
        ["−40 %", "−42 %", "−40 %", "already in the bill", "0 %", ""]
    );
    assert_eq!(
        column(&levers, 3),
        [
            "$79.28",
            "$350.40",
            "$329.96",
            "$437.25",
            "$161.60",
            "$1,358.49"
        ]
    );
    assert_eq!(
        column(&levers, 4),
        [
            "$47.57",
            "$203.23",
            "$197.98",
            "$437.25",
            "$161.60",
            "$1,047.63"
        ]
    );
    assert_eq!(
        section(&r, "bill").lines[0],
        "Committing the always-on tiers for a year takes the bill from $1,358 to $1,048 a month: 23 % less (about $3,730 a year)."
    );
}

#[test]
fn photoshare_s_report_reproduces_section_5_the_trade_offs() {
    let (_, rows) = photoshare_s("tradeoffs-table");
    assert_eq!(
        column(&rows, 0),
        [
            "Availability",
            "Elasticity",
            "Consistency",
            "Cost",
            "Operability"
        ]
    );
    assert!(
        rows[0][1].starts_with("≈ 99.9 % (43.2 min/mo budget), survives the loss of one AZ"),
        "{}",
        rows[0][1]
    );
    assert_eq!(rows[1][1], "2 → 20 tasks, scale-out in ~60 s");
    assert_eq!(rows[3][1], "~$1,048/mo optimized");
}

#[test]
fn the_markdown_holds_every_section_and_table() {
    let md = to_markdown(&report(&Project::default()).unwrap());
    assert!(md.starts_with("# Design report: PhotoShare\n"));
    for heading in [
        "## Assumptions",
        "## Sizing the app tier",
        "## SLO and error budget",
        "## Composed availability",
        "## Monthly bill",
        "## Serverless crossover",
        "## Results and trade-offs",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(
        md.contains("| on-demand total |  |  |  | $1,358.49 |"),
        "{md}"
    );
    assert!(md.contains("| 99.9 % — our SLO | 0.001 | 43.2 min | 8.77 hours |"));
}

/// What the linked demos show for a project, by their own models.
fn demos_figures(p: &Project) -> (autoscaling::Sizing, f64, Usd, Usd, Cheaper) {
    let s = Scenario::of(p.clone());
    let open = |q: &str| Query::parse(q);
    let scaling = s.open::<Autoscaling>(&open(""), false).params;
    let availability =
        Availability::evaluate(&s.open::<Availability>(&open(""), false).params).unwrap();
    let bill = Cost::evaluate(&s.open::<Cost>(&open(""), false).params).unwrap();
    let functions = Serverless::evaluate(&s.open::<Serverless>(&open(""), false).params).unwrap();
    (
        autoscaling::sizing(&scaling).unwrap(),
        availability.composition.availability,
        bill.on_demand_usd,
        bill.optimized_usd,
        functions.at.cheaper,
    )
}

#[test]
fn another_project_s_report_equals_the_demos_own_figures() {
    for e in [
        Example::ChatBackend,
        Example::TicketSale,
        Example::InternalTool,
    ] {
        let p = e.project();
        let r = report(&p).unwrap();
        let (sizing, availability, on_demand, optimized, cheaper) = demos_figures(&p);
        assert_eq!(r.sizing, sizing, "{e:?}");
        assert_eq!(
            r.availability.composition.availability, availability,
            "{e:?}"
        );
        assert_eq!(
            (r.bill.on_demand_usd, r.bill.optimized_usd),
            (on_demand, optimized),
            "{e:?}"
        );
        assert_eq!(r.functions.at.cheaper, cheaper, "{e:?}");
        assert_ne!(
            r.bill.on_demand_usd,
            Usd::lit("1358.49"),
            "{e:?} is not PhotoShare"
        );
    }
}

#[test]
fn each_example_teaches_its_answer() {
    let chat = report(&Example::ChatBackend.project()).unwrap();
    // Write-heavy: 85 % of 2,000 req/s reach the origin.
    assert_eq!(chat.sizing.steady.origin_per_s, 1_700.0);
    let tickets = report(&Example::TicketSale.project()).unwrap();
    // 40 req/s at the origin needs 1 task (the floor keeps 2); 2,000 at the 50× burst needs 27.
    assert_eq!(
        (tickets.sizing.steady.tasks, tickets.sizing.burst.tasks),
        (1, 27)
    );
    let tool = report(&Example::InternalTool.project()).unwrap();
    assert_eq!(tool.functions.at.cheaper, Cheaper::Functions);
    assert!(tool.functions.at.functions.total_usd < tool.functions.at.fleet.total_usd);
    for r in [&chat, &tickets] {
        assert_eq!(r.functions.at.cheaper, Cheaper::Fleet, "{}", r.project.name);
    }
}

#[test]
fn an_invalid_project_has_no_report_but_its_problems() {
    let p = Project {
        min_tasks: 9,
        max_tasks: 3,
        ..Project::default()
    };
    assert_eq!(
        report(&p).unwrap_err(),
        ["The fleet's floor must not be above its ceiling."]
    );
}
