//! AWS ↔ Azure: the one table every demo's labels read from.
//!
//! The worked example names its stack in AWS terms; the course teaches both
//! clouds, so every label that names a service asks this table.

/// Which provider's names the lab shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Cloud {
    #[default]
    Aws,
    Azure,
}

impl Cloud {
    pub const ALL: [Cloud; 2] = [Cloud::Aws, Cloud::Azure];

    pub fn slug(self) -> &'static str {
        match self {
            Cloud::Aws => "aws",
            Cloud::Azure => "azure",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Cloud> {
        Cloud::ALL.into_iter().find(|c| c.slug() == slug)
    }

    pub fn name(self) -> &'static str {
        match self {
            Cloud::Aws => "AWS",
            Cloud::Azure => "Azure",
        }
    }
}

/// A building block PhotoShare uses, in neither provider's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    Cdn,
    LoadBalancer,
    ContainerService,
    ManagedPostgres,
    ManagedRedis,
    ObjectStorage,
    Dns,
    Functions,
    ApiGateway,
    Network,
    NatGateway,
    Firewall,
    Autoscaling,
    ContainerRegistry,
    Monitoring,
    AvailabilityZone,
    SavingsPlan,
    ReservedInstance,
}

/// Each service: (AWS name, Azure name).
const TABLE: [(Service, &str, &str); 18] = [
    (Service::Cdn, "CloudFront", "Front Door"),
    (Service::LoadBalancer, "ALB", "Application Gateway"),
    (Service::ContainerService, "ECS Fargate", "Container Apps"),
    (
        Service::ManagedPostgres,
        "RDS for PostgreSQL",
        "Azure Database for PostgreSQL",
    ),
    (
        Service::ManagedRedis,
        "ElastiCache for Redis",
        "Azure Cache for Redis",
    ),
    (Service::ObjectStorage, "S3", "Blob Storage"),
    (Service::Dns, "Route 53", "Azure DNS / Traffic Manager"),
    (Service::Functions, "Lambda", "Azure Functions"),
    (Service::ApiGateway, "API Gateway", "API Management"),
    (Service::Network, "VPC", "Virtual Network"),
    (Service::NatGateway, "NAT Gateway", "NAT Gateway"),
    (
        Service::Firewall,
        "security group",
        "network security group",
    ),
    (
        Service::Autoscaling,
        "Application Auto Scaling",
        "KEDA scale rules",
    ),
    (Service::ContainerRegistry, "ECR", "Container Registry"),
    (Service::Monitoring, "CloudWatch", "Azure Monitor"),
    (
        Service::AvailabilityZone,
        "Availability Zone",
        "availability zone",
    ),
    (
        Service::SavingsPlan,
        "Compute Savings Plan",
        "Azure savings plan for compute",
    ),
    (
        Service::ReservedInstance,
        "Reserved Instance",
        "Azure Reservation",
    ),
];

impl Service {
    /// The service's name in the chosen cloud.
    pub fn name(self, cloud: Cloud) -> &'static str {
        let (_, aws, azure) = TABLE
            .iter()
            .find(|(s, _, _)| *s == self)
            .copied()
            .unwrap_or((self, "?", "?"));
        match cloud {
            Cloud::Aws => aws,
            Cloud::Azure => azure,
        }
    }

    /// Every row, for the lab's vocabulary page.
    pub fn all() -> impl Iterator<Item = Service> {
        TABLE.iter().map(|(s, _, _)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_has_a_row_in_both_clouds() {
        let services = [
            Service::Cdn,
            Service::LoadBalancer,
            Service::ContainerService,
            Service::ManagedPostgres,
            Service::ManagedRedis,
            Service::ObjectStorage,
            Service::Dns,
            Service::Functions,
            Service::ApiGateway,
            Service::Network,
            Service::NatGateway,
            Service::Firewall,
            Service::Autoscaling,
            Service::ContainerRegistry,
            Service::Monitoring,
            Service::AvailabilityZone,
            Service::SavingsPlan,
            Service::ReservedInstance,
        ];
        for s in services {
            for cloud in Cloud::ALL {
                assert_ne!(s.name(cloud), "?", "{s:?} has no {cloud:?} name");
            }
        }
        assert_eq!(Service::all().count(), services.len());
    }

    #[test]
    fn names_from_the_issue() {
        let table = [
            (Service::LoadBalancer, "ALB", "Application Gateway"),
            (Service::ContainerService, "ECS Fargate", "Container Apps"),
            (Service::ObjectStorage, "S3", "Blob Storage"),
            (Service::Cdn, "CloudFront", "Front Door"),
            (Service::Functions, "Lambda", "Azure Functions"),
        ];
        for (s, aws, azure) in table {
            assert_eq!(s.name(Cloud::Aws), aws);
            assert_eq!(s.name(Cloud::Azure), azure);
        }
    }

    #[test]
    fn cloud_slugs_round_trip() {
        for c in Cloud::ALL {
            assert_eq!(Cloud::from_slug(c.slug()), Some(c));
        }
        assert_eq!(Cloud::from_slug("gcp"), None);
    }
}
