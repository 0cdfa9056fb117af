//! The home page: PhotoShare in a paragraph, its architecture drawn as the
//! request flows (CDN → ALB → app tier → data tier, across two AZs), each part
//! linked to the demos about it, and the worked example's sections mapped to demos.

use cloud_lab_demos::address_bar;
use cloud_lab_demos::lab::lab;
use cloud_lab_model::catalog::{self, ArchitecturePart, ARCHITECTURE, DEMOS};
use cloud_lab_model::photoshare as ps;
use cloud_lab_model::vocabulary::Service;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let lab = lab();
    Effect::new(move |_| address_bar::write("", "", lab.cloud.get()));
    let [cdn, alb, app, data] = ARCHITECTURE;
    view! {
        <article class="home" data-testid="home">
            <h1>"PhotoShare on the cloud"</h1>
            // One text node, as index.html's static copy is: text split into several nodes is
            // laid out a fraction of a pixel wider, which a browser counts as a new, larger paint.
            <p class="lead">
                {format!(
                    "PhotoShare is a photo-sharing web app whose users mostly read. The course takes it from an empty cloud account to a deployment that \
                     survives losing a server or a whole availability zone, absorbs a tenfold spike by itself, and costs as little as that allows. \
                     It serves about {:.0} requests a second, bursts to {:.0}, and promises {:.1} % availability a month. \
                     Each part of the drawing leads to the demos about it.",
                    ps::EDGE_LOAD_STEADY_PER_S, ps::EDGE_LOAD_BURST_PER_S, ps::SLO * 100.0
                )}
            </p>
            <div class="architecture" role="group" aria-label="PhotoShare's architecture, top to bottom">
                <div class="users">"Users"</div>
                <Part part=cdn service=Service::Cdn/>
                <div class="region">
                    <p class="region-name">"Region eu-west-1"</p>
                    <Part part=alb service=Service::LoadBalancer/>
                    <div class="azs">
                        <Zone name="eu-west-1a" role="primary"/>
                        <Zone name="eu-west-1b" role="standby"/>
                    </div>
                    <div class="tiers">
                        <Part part=app service=Service::ContainerService/>
                        <Part part=data service=Service::ManagedPostgres/>
                    </div>
                </div>
            </div>
            <h2>"The worked example, section by section"</h2>
            <ol class="sections">
                {sections().into_iter().map(|(section, demos)| view! {
                    <li>{section}": "{demos.into_iter().map(|d| view! { <a href=format!("#/{}", d.slug)>{d.title}</a>" " }).collect_view()}</li>
                }).collect_view()}
            </ol>
        </article>
    }
}

/// One part of the drawing, with its provider's name and its demos.
#[component]
fn Part(part: ArchitecturePart, service: Service) -> impl IntoView {
    let lab = lab();
    view! {
        <section class="part" data-testid=format!("part-{}", part.name.to_lowercase().replace(' ', "-"))>
            <h2>{part.name}" "<span class="service">"("{lab.name(service)}")"</span></h2>
            <p>{part.role}</p>
            <ul class="part-demos">
                {part.demos.iter().map(|id| id.info()).map(|d| view! {
                    <li><a href=format!("#/{}", d.slug)>{d.title}</a></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// An availability zone: what of each tier runs there.
#[component]
fn Zone(name: &'static str, role: &'static str) -> impl IntoView {
    let lab = lab();
    view! {
        <div class="az" aria-label=format!("Availability zone {name}")>
            <p class="az-name">{name}</p>
            <p>{format!("{} app tasks", ps::MIN_TASKS / ps::AVAILABILITY_ZONES)}" · "{lab.name(Service::ContainerService)}</p>
            <p>"Postgres "{role}" · Redis "{if role == "primary" { "primary" } else { "replica" }}</p>
        </div>
    }
}

/// The worked example's sections in order, each with its demos.
fn sections() -> Vec<(&'static str, Vec<&'static catalog::DemoInfo>)> {
    let mut out: Vec<(&'static str, Vec<&'static catalog::DemoInfo>)> = Vec::new();
    for d in DEMOS.iter() {
        match out.iter_mut().find(|(s, _)| *s == d.section) {
            Some((_, demos)) => demos.push(d),
            None => out.push((d.section, vec![d])),
        }
    }
    out
}
