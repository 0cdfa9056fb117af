//! The bill's lines, the levers' groups and the architecture's parts, in the course's words.

use super::*;

/// A line of the bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillLine {
    FargateVcpu,
    FargateMemory,
    DbInstance,
    DbStorage,
    Redis,
    LoadBalancer,
    ObjectStorage,
    CdnEgress,
    OriginEgress,
    NatGateways,
}

impl BillLine {
    /// In the worked example's order.
    pub const ALL: [BillLine; 10] = [
        BillLine::FargateVcpu,
        BillLine::FargateMemory,
        BillLine::DbInstance,
        BillLine::DbStorage,
        BillLine::Redis,
        BillLine::LoadBalancer,
        BillLine::ObjectStorage,
        BillLine::CdnEgress,
        BillLine::OriginEgress,
        BillLine::NatGateways,
    ];

    pub fn name(self, cloud: Cloud) -> String {
        let n = |s: Service| s.name(cloud);
        match self {
            BillLine::FargateVcpu => format!("App — {} vCPU", n(Service::ContainerService)),
            BillLine::FargateMemory => format!("App — {} memory", n(Service::ContainerService)),
            BillLine::DbInstance => format!("{} instance", n(Service::ManagedPostgres)),
            BillLine::DbStorage => format!("{} storage", n(Service::ManagedPostgres)),
            BillLine::Redis => format!("{} nodes", n(Service::ManagedRedis)),
            BillLine::LoadBalancer => {
                format!("{} (hours + capacity units)", n(Service::LoadBalancer))
            }
            BillLine::ObjectStorage => format!("{} storage", n(Service::ObjectStorage)),
            BillLine::CdnEgress => format!("{} egress", n(Service::Cdn)),
            BillLine::OriginEgress => "Origin egress".to_string(),
            BillLine::NatGateways => format!("{}s + data", n(Service::NatGateway)),
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            BillLine::FargateVcpu => "vCPU-hr",
            BillLine::FargateMemory => "GB-hr",
            BillLine::DbInstance => "hr",
            BillLine::DbStorage | BillLine::ObjectStorage => "GB-mo",
            BillLine::Redis => "node-hr",
            BillLine::LoadBalancer | BillLine::NatGateways => "mo",
            BillLine::CdnEgress | BillLine::OriginEgress => "GB",
        }
    }

    /// The row of the levers table this line belongs to.
    pub fn group(self) -> Group {
        match self {
            BillLine::FargateVcpu | BillLine::FargateMemory => Group::ComputeSavingsPlan,
            BillLine::DbInstance => Group::DatabaseReserved,
            BillLine::Redis => Group::CacheReserved,
            BillLine::CdnEgress | BillLine::OriginEgress => Group::CdnOffload,
            BillLine::DbStorage
            | BillLine::LoadBalancer
            | BillLine::ObjectStorage
            | BillLine::NatGateways => Group::Unchanged,
        }
    }

    /// The part of the architecture it pays for, for the stacked chart.
    pub fn component(self) -> Component {
        match self {
            BillLine::FargateVcpu | BillLine::FargateMemory => Component::App,
            BillLine::DbInstance | BillLine::DbStorage => Component::Database,
            BillLine::Redis => Component::Cache,
            BillLine::LoadBalancer => Component::LoadBalancer,
            BillLine::ObjectStorage => Component::ObjectStorage,
            BillLine::CdnEgress | BillLine::OriginEgress => Component::Egress,
            BillLine::NatGateways => Component::Nat,
        }
    }
}

/// A row of the levers table: a pricing lever and the lines it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    ComputeSavingsPlan,
    DatabaseReserved,
    CacheReserved,
    /// Not a discount: the CDN's saving is already in the egress split.
    CdnOffload,
    Unchanged,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::ComputeSavingsPlan,
        Group::DatabaseReserved,
        Group::CacheReserved,
        Group::CdnOffload,
        Group::Unchanged,
    ];

    pub fn name(self, cloud: Cloud) -> String {
        match (self, cloud) {
            (Group::ComputeSavingsPlan, _) => format!("1-yr {}", Service::SavingsPlan.name(cloud)),
            (Group::DatabaseReserved, _) => {
                format!("1-yr {}", Service::ReservedInstance.name(cloud))
            }
            (Group::CacheReserved, Cloud::Aws) => "1-yr reserved nodes".to_string(),
            (Group::CacheReserved, Cloud::Azure) => {
                format!("1-yr {}", Service::ReservedInstance.name(cloud))
            }
            (Group::CdnOffload, _) => format!("{} offload", Service::Cdn.name(cloud)),
            (Group::Unchanged, _) => "Unchanged".to_string(),
        }
    }

    pub fn applies_to(self, cloud: Cloud) -> String {
        let n = |s: Service| s.name(cloud);
        match self {
            Group::ComputeSavingsPlan => format!("{} vCPU + memory", n(Service::ContainerService)),
            Group::DatabaseReserved => format!("{} instances", n(Service::ManagedPostgres)),
            Group::CacheReserved => format!("{} nodes", n(Service::ManagedRedis)),
            Group::CdnOffload => "egress path".to_string(),
            Group::Unchanged => format!("storage, {}, NAT", n(Service::LoadBalancer)),
        }
    }

    pub(super) fn lever(self, p: &CostParams) -> Option<Lever> {
        match self {
            Group::ComputeSavingsPlan => Some(p.savings_plan),
            Group::DatabaseReserved => Some(p.db_reserved),
            Group::CacheReserved => Some(p.redis_reserved),
            Group::CdnOffload | Group::Unchanged => None,
        }
    }
}

/// A part of the architecture: one segment of the stacked chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Component {
    App,
    Database,
    Cache,
    LoadBalancer,
    ObjectStorage,
    Egress,
    Nat,
}

impl Component {
    pub const ALL: [Component; 7] = [
        Component::App,
        Component::Database,
        Component::Cache,
        Component::LoadBalancer,
        Component::ObjectStorage,
        Component::Egress,
        Component::Nat,
    ];

    pub fn name(self, cloud: Cloud) -> String {
        let n = |s: Service| s.name(cloud);
        match self {
            Component::App => format!("App tier ({})", n(Service::ContainerService)),
            Component::Database => n(Service::ManagedPostgres).to_string(),
            Component::Cache => n(Service::ManagedRedis).to_string(),
            Component::LoadBalancer => n(Service::LoadBalancer).to_string(),
            Component::ObjectStorage => n(Service::ObjectStorage).to_string(),
            Component::Egress => format!("Egress ({} + origin)", n(Service::Cdn)),
            Component::Nat => format!("{}s", n(Service::NatGateway)),
        }
    }
}
