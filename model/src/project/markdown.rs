//! The report as Markdown a group can paste into its own report.

use super::report::{Report, TextTable};

pub fn to_markdown(r: &Report) -> String {
    let mut out = format!("# Design report: {}\n\n", r.project.name);
    out.push_str("Computed by Cloud Lab from the same models as its demos.\n\n## Assumptions\n\n");
    for a in &r.assumptions {
        out.push_str(&format!("- {a}\n"));
    }
    for s in &r.sections {
        out.push_str(&format!("\n## {}\n\n", s.title));
        for line in &s.lines {
            out.push_str(&format!("{line}\n\n"));
        }
        for f in &s.formulas {
            out.push_str(&format!("- `{}`  \n  {}\n", f.general, f.filled));
        }
        if !s.formulas.is_empty() {
            out.push('\n');
        }
        for t in &s.tables {
            out.push_str(&table(t));
        }
    }
    out
}

fn table(t: &TextTable) -> String {
    let cell = |c: &str| c.replace('|', "\\|");
    let mut out = format!("{}:\n\n| {} |\n|", t.caption, t.head.join(" | "));
    out.push_str(&"---|".repeat(t.head.len()));
    out.push('\n');
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    out
}
