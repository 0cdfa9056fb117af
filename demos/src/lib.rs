//! Cloud Lab's demo views: one Leptos component per demo, each mirroring the
//! model module of the same name. Views format; the model computes.
//!
//! Shared by every view: the frame a demo sits in (`frame`), the results section and the
//! worked example's badges (`results`), the controls of a table field (`field`), the
//! animation playhead (`playhead`), the chart (`chart`), number formats (`format`) and lists
//! kept row by row (`rows`).

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
pub mod stage;
pub mod startup;
pub mod tour;
pub mod vm_vs_container;

use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::link::Query;
use leptos::prelude::*;

/// The page of a demo, from its link: the view registry. Every `DemoId` has its view (the
/// `match` is exhaustive), and each view is typed by its model's `Demo`.
pub fn page(id: DemoId, query: &Query) -> AnyView {
    match id {
        DemoId::ServiceModels => service_models::page(query),
        DemoId::VmVsContainer => vm_vs_container::page(query),
        DemoId::IacDrift => iac_drift::page(query),
        DemoId::RollingDeploy => rolling_deploy::page(query),
        DemoId::Autoscaling => autoscaling::page(query),
        DemoId::Availability => availability::page(query),
        DemoId::FailureDrill => failure_drill::page(query),
        DemoId::Cost => cost::page(query),
        DemoId::CacheCdn => cache_cdn::page(query),
        DemoId::RateLimiting => rate_limiting::page(query),
        DemoId::Serverless => serverless::page(query),
        DemoId::MultiRegion => multi_region::page(query),
    }
}
