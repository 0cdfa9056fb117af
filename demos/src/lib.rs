//! Cloud Lab's demo views: one Leptos component per demo, each mirroring the
//! model module of the same name. Views format; the model computes.
//!
//! Shared by every view: the frame a demo sits in (`frame`), the results section and the
//! worked example's badges (`results`), the controls of a table field (`field`), the
//! animation playhead (`playhead`), the chart (`chart`), number formats (`format`) and lists
//! kept row by row (`rows`). Which module of the wasm carries each page: `split`.

pub mod address_bar;
pub mod autoscaling;
pub mod availability;
pub mod cache_cdn;
pub mod chart;
pub mod cost;
pub mod documented;
pub mod drawn;
pub mod exercises;
pub mod failure_drill;
pub mod field;
pub mod format;
pub mod frame;
pub mod hcl_parser;
pub mod iac_drift;
pub mod in_turn;
pub mod lab;
pub mod multi_region;
pub mod playhead;
pub mod project;
pub mod rate_limiting;
pub mod results;
pub mod rolling_deploy;
pub mod rows;
pub mod scenario;
pub mod scroll_box;
pub mod serverless;
pub mod service_models;
pub mod split;
pub mod stage;
pub mod startup;
pub mod tour;
pub mod vm_vs_container;
