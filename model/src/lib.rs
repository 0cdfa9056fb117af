//! Cloud Lab's model: the numbers, formulas and simulations behind every demo.
//!
//! Pure Rust with no web dependencies, so every figure is tested natively with
//! `cargo test`. Each demo has one module here and one view of the same name in
//! the `demos` crate. Each module's `…Params::default()` is the worked example.

pub mod autoscaling;
pub mod availability;
pub mod cache_cdn;
pub mod catalog;
pub mod claim;
pub mod cost;
pub mod demo;
pub mod documented;
pub mod exercises;
pub mod failure_drill;
pub mod iac_drift;
pub mod link;
pub mod money;
pub mod multi_region;
pub mod params;
pub mod photoshare;
pub mod project;
pub mod rate_limiting;
pub mod rolling_deploy;
pub mod scenario;
pub mod serverless;
pub mod service_models;
pub mod sort;
pub mod tour;
pub mod vm_vs_container;
pub mod vocabulary;
