//! Infrastructure as Code and drift (§2 of the worked example).
//!
//! The lesson: Terraform keeps three pictures of the world — the configuration
//! you wrote (desired), the state file it wrote at the last apply, and the real
//! account (actual). A click in the console changes only the real account:
//! `terraform refresh` notices the difference ("drift"), `terraform plan` shows
//! what it would take to bring the account back to the configuration, and
//! `terraform apply` does it, silently undoing the click. Two side lessons: the
//! state lock that stops two applies from writing the state at once, and the
//! autoscaler that owns `desired_count`, which Terraform fights unless told to
//! ignore it.
//!
//! The configuration is real HCL, parsed with `hcl-edit` (in the browser a wasm module of its own,
//! fetched when typed text first needs reading; PhotoShare's texts ship already read, `wire`). The lab does not run
//! Terraform: a simulated provider assigns IDs, references such as
//! `aws_security_group.alb.id` are resolved in dependency order (a value only an apply
//! can tell is `(known after apply)`, and travels to what refers to it), and the apply
//! fails where AWS refuses.
//!
//! One file per job: `config` is the configuration as read, `read` reads the HCL, `wire` writes
//! a read configuration as text and back, `references` the dependency graph,
//! `schema` says which changes replace a resource, `world` is the state file and the
//! simulated account, `console` the changes made behind Terraform's back, `plan` and
//! `render` the plan and its text, `refresh` the drift report, `apply` carries a plan
//! out and `refusals` is what AWS refuses, `lock` the state lock, `params` the demo's
//! parameters (its table), outcome and link, `demo` its claims and note.

mod apply;
mod config;
mod console;
mod demo;
mod documented;
mod lock;
mod params;
mod plan;
mod read;
mod references;
mod refresh;
mod refusals;
mod render;
mod schema;
pub mod wire;
mod world;

pub use apply::*;
pub use config::*;
pub use console::*;
pub use demo::IacDrift;
pub use documented::DOCUMENTED;
pub use lock::*;
pub use params::*;
pub use plan::*;
pub use read::parse_config;
pub use refresh::*;
pub use refusals::Failure;
pub use schema::*;
pub use world::*;

/// PhotoShare's Terraform: the worked example's resources and values, written for the lab.
pub const PHOTOSHARE_TF: &str = include_str!("iac_drift/photoshare.tf");
/// Longest configuration text parsed; longer text is refused with a message.
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;
/// Most resource blocks one configuration may declare.
pub const MAX_RESOURCES: usize = 100;
/// Most console clicks one link may replay.
pub const MAX_CLICKS: usize = 16;

/// The account the simulated provider reports ARNs in.
const ACCOUNT: &str = "123456789012";
const REGION: &str = "eu-west-1";
