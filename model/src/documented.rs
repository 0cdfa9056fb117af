//! What a provider documents about a mechanism a demo models, and how the lab follows it.
//!
//! Every mechanism the lab teaches follows the provider's documented behaviour, cited on the
//! page; where the documentation leaves something open, the page states the lab's reading
//! as an assumption. A demo lists these as data; the view draws them as a cited list.

/// One documented behaviour and the lab's use of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Documented {
    /// What the documentation says, in the lab's words.
    pub says: &'static str,
    /// How the model follows it, or the lab's reading where the documentation is silent.
    pub lab: &'static str,
    /// The page's title, as the provider names it.
    pub source: &'static str,
    pub url: &'static str,
}

#[cfg(test)]
mod tests {
    use crate::{
        autoscaling, cache_cdn, cost, failure_drill, iac_drift, multi_region, rate_limiting,
        rolling_deploy, serverless, service_models, vm_vs_container,
    };

    #[test]
    fn every_citation_is_complete_and_points_at_documentation() {
        let all = [
            cache_cdn::DOCUMENTED.as_slice(),
            iac_drift::DOCUMENTED.as_slice(),
            rate_limiting::DOCUMENTED.as_slice(),
            service_models::DOCUMENTED.as_slice(),
            vm_vs_container::DOCUMENTED.as_slice(),
            cost::DOCUMENTED.as_slice(),
            serverless::DOCUMENTED.as_slice(),
            multi_region::DOCUMENTED.as_slice(),
            autoscaling::DOCUMENTED.as_slice(),
            rolling_deploy::DOCUMENTED.as_slice(),
            failure_drill::DOCUMENTED.as_slice(),
        ];
        for list in all {
            assert!(list.len() >= 3);
            for d in list {
                assert!(
                    !d.says.is_empty() && !d.lab.is_empty() && !d.source.is_empty(),
                    "{d:?}"
                );
                assert!(d.url.starts_with("https://"), "{d:?}");
            }
        }
    }
}
