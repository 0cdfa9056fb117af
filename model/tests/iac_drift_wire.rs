//! A read configuration as text (`wire`): what the lab ships for PhotoShare's own
//! configurations must read back exactly as parsed; text typed while the parser's module is
//! on its way waits for its own parse.
//!
//! `BLESS=1 cargo test -p cloud-lab-model --test iac_drift_wire` rewrites `photoshare*.wire`
//! after a change to PhotoShare's Terraform or to how it is read.

use cloud_lab_model::iac_drift::wire::{read_config, write_config};
use cloud_lab_model::iac_drift::*;

const VARIANTS: [(ConfigVariant, &str); 2] = [
    (ConfigVariant::WorkedExample, "photoshare.wire"),
    (ConfigVariant::IgnoreDesiredCount, "photoshare_ignore.wire"),
];

#[test]
fn the_shipped_configurations_are_what_the_parser_reads() {
    for (variant, file) in VARIANTS {
        let parsed = parse_config(&config_text(variant)).expect("PhotoShare's text parses");
        let written = write_config(&parsed);
        if std::env::var_os("BLESS").is_some() {
            let path = format!("{}/src/iac_drift/{file}", env!("CARGO_MANIFEST_DIR"));
            std::fs::write(path, &written).expect("the wire file is writable");
            continue;
        }
        assert_eq!(
            written, VARIANT_WIRES[variant as usize],
            "{file} is out of date: run BLESS=1 cargo test -p cloud-lab-model --test iac_drift_wire"
        );
        assert_eq!(variant_config(variant), Ok(&parsed), "{file}");
    }
}

/// Texts whose configuration exercises every kind of value: lists, objects (ingress rules),
/// unknown expressions, negative and fractional numbers, booleans, non-ASCII text, warnings and
/// a backend without a lock table.
fn edits() -> Vec<String> {
    let tf = PHOTOSHARE_TF;
    vec![
        tf.to_string(),
        config_text(ConfigVariant::IgnoreDesiredCount),
        tf.replace("desired_count   = 4", "desired_count   = -2.5"),
        tf.replace("desired_count   = 4", "desired_count   = 1e300"),
        tf.replace("\"tf-locks\"", "\"verrouillé-🔒\""),
        tf.replace("    dynamodb_table = \"tf-locks\"\n", ""),
        format!("{tf}\nvariable \"x\" {{}}\nresource \"aws_s3_bucket\" \"more\" {{\n  count = 2\n  bucket = upper(\"é\")\n  force_destroy = true\n}}\n"),
        String::new(),
    ]
}

#[test]
fn every_parse_reads_back_exactly() {
    for text in edits() {
        let config = parse_config(&text).expect("the edit parses");
        assert_eq!(read_config(&write_config(&config)), Some(config), "{text}");
    }
}

#[test]
fn damaged_wire_text_is_refused_without_a_panic() {
    let whole = write_config(&parse_config(PHOTOSHARE_TF).expect("PhotoShare's text parses"));
    // Every cut short text (also inside a multi-byte character) is refused.
    let edited = parse_config(&PHOTOSHARE_TF.replace("tf-locks", "é-locks")).expect("it parses");
    let text = write_config(&edited);
    for cut in 0..text.len() {
        if let Some(prefix) = text.get(..cut) {
            assert_eq!(read_config(prefix), None, "cut at {cut}");
        }
    }
    for bad in [
        "",
        "2:no",
        "1:099999999999999999999:",
        "1:1",
        &format!("{whole}1:x"),
        &whole.replacen("1:n", "1:q", 1),
    ] {
        assert_eq!(read_config(bad), None, "{bad:?}");
    }
    assert!(read_config(&whole).is_some());
}

#[test]
fn typed_text_waits_for_its_own_parse() {
    let five = PHOTOSHARE_TF.replace("desired_count   = 4", "desired_count   = 5");
    let six = PHOTOSHARE_TF.replace("desired_count   = 4", "desired_count   = 6");
    let mut p = IacDriftParams::default();
    p.type_unread(five.clone());
    p.type_unread(six.clone());
    assert_eq!(p.unread(), Some(six.as_str()));
    // Until a parse comes, the plan uses the variant's configuration.
    assert_eq!(evaluate(&p).unwrap().task_count.configured, Some(4.0));
    // The parse of text typed over since is dropped; the waiting text's is taken.
    p.take_read(&five, parse_config(&five));
    assert_eq!(p.unread(), Some(six.as_str()));
    p.take_read(&six, parse_config(&six));
    assert_eq!(p.unread(), None);
    assert_eq!(evaluate(&p).unwrap().task_count.configured, Some(6.0));
    // A broken text keeps the last good configuration and shows where it broke, once read.
    let broken = six.replace("desired_count   = 6", "desired_count   = ");
    p.type_unread(broken.clone());
    assert_eq!(evaluate(&p).unwrap().parse_error, None);
    p.take_read(&broken, parse_config(&broken));
    let o = evaluate(&p).unwrap();
    assert!(o.parse_error.is_some());
    assert_eq!(o.task_count.configured, Some(6.0));
    // With the feature `read-at-once` (native tests), type_config reads at once, as the module would.
    let mut q = IacDriftParams::default();
    q.type_config(broken.clone());
    assert_eq!(q.unread(), None);
    assert_eq!(q.edit.map(|e| e.error.is_some()), Some(true));
}
