//! The responsibility matrix: who manages each layer of the stack in each delivery model.

/// A layer of the stack, from the top (closest to the user) down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Data,
    Application,
    Runtime,
    Middleware,
    Os,
    Virtualization,
    Servers,
    Storage,
    Networking,
}

impl Layer {
    /// Top to bottom, the order the matrix is drawn in.
    pub const ALL: [Layer; 9] = [
        Layer::Data,
        Layer::Application,
        Layer::Runtime,
        Layer::Middleware,
        Layer::Os,
        Layer::Virtualization,
        Layer::Servers,
        Layer::Storage,
        Layer::Networking,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layer::Data => "Data",
            Layer::Application => "Application",
            Layer::Runtime => "Runtime",
            Layer::Middleware => "Middleware",
            Layer::Os => "Operating system",
            Layer::Virtualization => "Virtualization",
            Layer::Servers => "Servers",
            Layer::Storage => "Storage",
            Layer::Networking => "Networking",
        }
    }
}

/// A delivery model, from "you run everything" to "you only bring data".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    OnPremises,
    Iaas,
    /// Containers as a service (ECS Fargate, Container Apps).
    Caas,
    Paas,
    Faas,
    Saas,
}

impl Model {
    /// Left to right, the order the matrix is drawn in.
    pub const ALL: [Model; 6] = [
        Model::OnPremises,
        Model::Iaas,
        Model::Caas,
        Model::Paas,
        Model::Faas,
        Model::Saas,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Model::OnPremises => "onprem",
            Model::Iaas => "iaas",
            Model::Caas => "caas",
            Model::Paas => "paas",
            Model::Faas => "faas",
            Model::Saas => "saas",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Model::OnPremises => "On-premises",
            Model::Iaas => "IaaS",
            Model::Caas => "Containers (CaaS)",
            Model::Paas => "PaaS",
            Model::Faas => "FaaS",
            Model::Saas => "SaaS",
        }
    }

    /// Who decides how much capacity there is, in this model.
    pub fn scaling(self) -> &'static str {
        match self {
            Model::OnPremises => "You buy servers for the peak, months ahead.",
            Model::Iaas => "You size VMs and add or remove them.",
            Model::Caas => {
                "You size each task and write the scaling policy; the provider finds the hosts."
            }
            Model::Paas => "You pick a size or tier; the provider applies it.",
            Model::Faas => {
                "Per request: the provider runs as many copies as requests arrive, down to zero."
            }
            Model::Saas => "The provider's concern; you pick a plan.",
        }
    }
}

/// Who looks after a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Manager {
    You,
    /// Both: the split is spelled out in the cell's note.
    Shared,
    Provider,
}

/// Who manages `layer` in `model`.
pub fn manager(model: Model, layer: Layer) -> Manager {
    use Layer::*;
    use Manager::*;
    match (model, layer) {
        (Model::OnPremises, _) => You,
        // Your data and its access rules stay yours even in SaaS.
        (_, Data) => You,
        (Model::Saas, _) => Provider,
        (Model::Faas | Model::Paas, Application) => You,
        (Model::Faas | Model::Paas, _) => Provider,
        (Model::Iaas, Application | Runtime | Middleware | Os) => You,
        (Model::Caas, Application | Runtime | Middleware) => You,
        // The image's userland is yours, the kernel under it is not.
        (Model::Caas, Os) => Shared,
        (Model::Iaas | Model::Caas, Virtualization | Servers | Storage | Networking) => Provider,
    }
}

/// What a cell's label leaves out, where the honest answer needs a sentence.
pub fn note(model: Model, layer: Layer) -> Option<&'static str> {
    use Layer::*;
    match (model, layer) {
        (Model::Saas, Data) => {
            Some("The provider stores it; what goes in, who may see it and how long it is kept are yours.")
        }
        (Model::Saas, Application) => Some("You still configure it: users, roles, settings."),
        (Model::Caas, Os) => {
            Some("The base image's userland is yours to update; the host kernel is the provider's.")
        }
        (Model::Caas, Runtime) => Some("Node.js ships inside your image: you rebuild to patch it."),
        (Model::Paas, Runtime) => Some("You pick the version; the provider patches it."),
        (Model::Faas, Runtime) => Some("A managed runtime: the provider patches it; you move off it before it is retired."),
        (Model::Iaas | Model::Caas | Model::Paas | Model::Faas, Networking) => {
            Some("The provider runs the physical network; you still design the virtual one (subnets, security groups).")
        }
        _ => None,
    }
}
