//! The bill as a spreadsheet's CSV.

use super::*;

/// The bill as CSV, with the services' AWS names.
pub fn bill_csv(outcome: &CostOutcome) -> String {
    bill_csv_in(outcome, Cloud::Aws)
}

/// The bill as CSV, with the chosen cloud's names: one row per line, then both totals.
pub fn bill_csv_in(outcome: &CostOutcome, cloud: Cloud) -> String {
    let mut out =
        String::from("component,unit,quantity,unit_price_usd,on_demand_usd,lever,optimized_usd\n");
    for row in &outcome.rows {
        let fields = [
            csv_field(&row.label(cloud)),
            row.unit.to_string(),
            row.quantity.to_string(),
            row.unit_price_usd.to_string(),
            row.on_demand_usd.to_string(),
            csv_field(&row.lever.map(|g| g.name(cloud)).unwrap_or_default()),
            row.optimized_usd.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out.push_str(&format!(
        "total,,,,{},,{}\n",
        outcome.on_demand_usd, outcome.optimized_usd
    ));
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_are_quoted() {
        assert_eq!(csv_field("0.4 TB, 8 % misses"), "\"0.4 TB, 8 % misses\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
