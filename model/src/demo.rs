//! What a demo is, to the rest of the lab: its params (described by a table), the model
//! that evaluates them, the worked example's figures it checks, the careful reader's notes
//! it owns, and the part it takes in the shared PhotoShare.
//!
//! Every demo is a unit type implementing [`Demo`] in its own module
//! (`availability::Availability`). [`DemoId::visit`] is the registry: one exhaustive
//! `match` from an id to its type, which the generic tests (`model/tests/demos.rs`) walk
//! with a [`Visitor`]. A demo is tested by being registered.

use crate::autoscaling::Autoscaling;
use crate::availability::Availability;
use crate::cache_cdn::CacheCdn;
use crate::catalog::{DemoId, DemoInfo};
use crate::claim::{Claim, Note, Verdict};
use crate::cost::Cost;
use crate::exercises::Exercise;
use crate::failure_drill::FailureDrill;
use crate::iac_drift::IacDrift;
use crate::link::LinkState;
use crate::multi_region::MultiRegion;
use crate::params::Fields;
use crate::rate_limiting::RateLimiting;
use crate::rolling_deploy::RollingDeploy;
use crate::scenario::{Scenario, ScenarioUpdate, SharedValue};
use crate::serverless::Serverless;
use crate::service_models::ServiceModels;
use crate::vm_vs_container::VmVsContainer;

/// A demo's model, as the frame, the registry and the generic tests use it.
pub trait Demo: 'static {
    const ID: DemoId;
    /// Everything a student can change; `Default` is the worked example.
    type Params: Fields + LinkState + Clone + PartialEq + std::fmt::Debug + Send + Sync;
    type Outcome: PartialEq + Send + Sync + 'static;

    /// The model: every problem with the params in words, or the outcome.
    fn evaluate(p: &Self::Params) -> Result<Self::Outcome, Vec<String>>;

    /// The worked example's figures this demo shows. On `Params::default()` every one agrees.
    const CLAIMS: &'static [Claim<Self::Params, Self::Outcome>] = &[];

    /// Where the worked example departs from the real systems, on this demo's subject.
    const NOTES: &'static [Note] = &[];

    /// Its graded exercises: predict, choose, reach a goal (`crate::exercises`).
    const EXERCISES: &'static [Exercise<Self::Params, Self::Outcome>] = &[];

    /// The shared PhotoShare's values the demo uses or sets; empty outside the scenario.
    const SHARES: &'static [SharedValue] = &[];

    /// Puts the scenario's values into the params.
    fn take(_p: &mut Self::Params, _s: &Scenario) {}

    /// The shared values the params hold, for the other demos.
    fn give(_p: &Self::Params) -> Option<ScenarioUpdate> {
        None
    }

    /// `give` for params whose outcome is at hand (`None` while the model refuses them): the
    /// same values, without evaluating the params again where a value comes from the outcome.
    fn give_evaluated(
        p: &Self::Params,
        _outcome: Option<&Self::Outcome>,
    ) -> Option<ScenarioUpdate> {
        Self::give(p)
    }

    fn info() -> &'static DemoInfo {
        Self::ID.info()
    }
}

/// Declares a demo's unit type and registers it: the params and outcome its model
/// evaluates, its exercises (`crate::exercises::<module>::EXERCISES`), then what it has of
/// claims (consts of the type, see [`claims!`](crate::claims)), notes, and the shared scenario's
/// values with the `scenario` functions that take them in and give them back.
#[macro_export]
macro_rules! demo {
    (
        $(#[$attr:meta])*
        $demo:ident: $params:ty => $outcome:ty, evaluate: $evaluate:path, exercises: $module:ident
        $(, claims: [$($claim:ident),* $(,)?])?
        $(, notes: $notes:expr)?
        $(, shares: [$($share:ident),* $(,)?], take: $take:path
            $(, give: $give:path $(, give_evaluated: $give_evaluated:path)?)?)?
        $(,)?
    ) => {
        $(#[$attr])*
        pub struct $demo;

        impl $crate::demo::Demo for $demo {
            const ID: $crate::catalog::DemoId = $crate::catalog::DemoId::$demo;
            type Params = $params;
            type Outcome = $outcome;
            const EXERCISES: &'static [$crate::exercises::Exercise<$params, $outcome>] =
                &$crate::exercises::$module::EXERCISES;

            fn evaluate(p: &$params) -> Result<$outcome, Vec<String>> {
                $evaluate(p)
            }
            $(const CLAIMS: &'static [$crate::claim::Claim<$params, $outcome>] = &[$(Self::$claim),*];)?
            $(const NOTES: &'static [$crate::claim::Note] = $notes;)?
            $(
                const SHARES: &'static [$crate::scenario::SharedValue] =
                    &[$($crate::scenario::SharedValue::$share),*];

                fn take(p: &mut $params, s: &$crate::scenario::Scenario) {
                    $take(s, p)
                }
                $(
                    fn give(p: &$params) -> Option<$crate::scenario::ScenarioUpdate> {
                        Some($give(p))
                    }
                    $(fn give_evaluated(
                        p: &$params,
                        outcome: Option<&$outcome>,
                    ) -> Option<$crate::scenario::ScenarioUpdate> {
                        Some($give_evaluated(p, outcome))
                    })?
                )?
            )?
        }
    };
}

/// Something done with each demo's types: a generic test, collecting infos.
pub trait Visitor {
    type Output;
    fn visit<D: Demo>(&mut self) -> Self::Output;
}

impl DemoId {
    /// Calls `v` with this demo's type: the lab's registry.
    pub fn visit<V: Visitor>(self, v: &mut V) -> V::Output {
        match self {
            DemoId::ServiceModels => v.visit::<ServiceModels>(),
            DemoId::VmVsContainer => v.visit::<VmVsContainer>(),
            DemoId::IacDrift => v.visit::<IacDrift>(),
            DemoId::RollingDeploy => v.visit::<RollingDeploy>(),
            DemoId::Autoscaling => v.visit::<Autoscaling>(),
            DemoId::Availability => v.visit::<Availability>(),
            DemoId::FailureDrill => v.visit::<FailureDrill>(),
            DemoId::Cost => v.visit::<Cost>(),
            DemoId::CacheCdn => v.visit::<CacheCdn>(),
            DemoId::RateLimiting => v.visit::<RateLimiting>(),
            DemoId::Serverless => v.visit::<Serverless>(),
            DemoId::MultiRegion => v.visit::<MultiRegion>(),
        }
    }
}

/// A demo's claim checked on params, through the demo's model: for the tour, which shows
/// a demo's figures on the step's params.
pub fn check_on<D: Demo>(claim: &Claim<D::Params, D::Outcome>, p: &D::Params) -> Verdict {
    match D::evaluate(p) {
        Ok(o) => claim.check(p, &o),
        Err(_) => claim.unchecked(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Id;
    impl Visitor for Id {
        type Output = DemoId;
        fn visit<D: Demo>(&mut self) -> DemoId {
            D::ID
        }
    }

    #[test]
    fn autoscaling_gives_the_same_from_its_run_as_from_its_params() {
        use crate::autoscaling::{simulate, AutoscalingParams, Preset};
        let refused = AutoscalingParams {
            edge_load_per_s: -1.0,
            ..AutoscalingParams::default()
        };
        assert!(simulate(&refused).is_err());
        for p in Preset::ALL.map(Preset::params).into_iter().chain([refused]) {
            let run = simulate(&p).ok();
            assert_eq!(
                Autoscaling::give_evaluated(&p, run.as_ref()),
                Autoscaling::give(&p),
                "{p:?}"
            );
        }
    }

    #[test]
    fn the_registry_leads_each_id_to_its_own_demo() {
        for id in DemoId::ALL {
            assert_eq!(id.visit(&mut Id), id);
        }
    }
}
