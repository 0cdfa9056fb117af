//! Service models: who manages which layer, from on-premises to SaaS.

use super::{Exercise, Kind};
use crate::service_models::{
    Column, Layer, Manager, Model, ServiceModelsOutcome, ServiceModelsParams,
};

type P = ServiceModelsParams;
type O = ServiceModelsOutcome;

fn column(o: &O, model: Model) -> Option<&Column> {
    o.columns.iter().find(|c| c.model == model)
}

fn manager_of(o: &O, model: Model, layer: Layer) -> Option<Manager> {
    column(o, model)?
        .cells
        .iter()
        .find(|c| c.layer == layer)
        .map(|c| c.manager)
}

fn counts(c: &Column) -> String {
    format!(
        "{}: the team manages {} layer(s), shares {}, and the provider runs {}.",
        c.model.label(),
        c.yours,
        c.shared,
        c.providers
    )
}

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "containers-operating-system",
        title: "Who patches a container's OS",
        setup: |_| {},
        question: |_, _| {
            "PhotoShare's app runs as containers on Fargate. Who looks after the operating system \
             it runs on?"
                .to_string()
        },
        kind: Kind::Choose {
            options: &[
                "The team",
                "Both: the image's userland is the team's, the kernel the provider's",
                "The provider",
            ],
            answer: |_, o| match manager_of(o, Model::Caas, Layer::Os) {
                Some(Manager::You) => 0,
                Some(Manager::Shared) => 1,
                Some(Manager::Provider) | None => 2,
            },
        },
        hint: "The base image you build from is part of your container; the host under it is not.",
        why: |_, o| column(o, Model::Caas).map_or(String::new(), counts),
    },
    Exercise {
        slug: "iaas-layers",
        title: "Layers the team runs in IaaS",
        setup: |_| {},
        question: |_, o| {
            format!(
                "Of the {} layers from networking up to the data, how many does the team manage \
                 alone on IaaS (virtual machines)?",
                column(o, Model::Iaas).map_or(0, |c| c.cells.len())
            )
        },
        kind: Kind::predict(
            |_, o| column(o, Model::Iaas).map_or(0.0, |c| c.yours as f64),
            0.0,
            "layers",
        ),
        hint: "The provider runs the hardware and the hypervisor; everything from the operating \
               system up is the VM owner's.",
        why: |_, o| column(o, Model::Iaas).map_or(String::new(), counts),
    },
    Exercise {
        slug: "only-the-data",
        title: "The model where only data is yours",
        setup: |_| {},
        question: |_, _| {
            "Highlight the service model in which the team manages nothing but its data."
                .to_string()
        },
        kind: Kind::Goal {
            met: |_, o| {
                o.highlighted_model
                    .and_then(|m| column(o, m))
                    .is_some_and(|c| {
                        c.yours == 1 && c.shared == 0 && c.providers + 1 == c.cells.len()
                    })
            },
            show_me: |p| p.selected_model = Some(Model::Saas),
        },
        hint: "Even when the provider runs the whole application, what you put in it stays yours.",
        why: |_, o| match o.highlighted_model.and_then(|m| column(o, m)) {
            Some(c) => counts(c),
            None => "No model is highlighted yet: pick one of the columns (0 picked).".into(),
        },
    },
];
