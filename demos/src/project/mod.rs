//! "Your project" (`#/project`): a group's own app in place of PhotoShare. The page edits the
//! project's table; a valid project becomes the one every linked demo opens on, is kept in
//! this browser, travels in the page's link and as a JSON file, and has a design report
//! (`#/report`). Example projects are links an instructor can hand out.

pub mod report;
mod store;

pub use store::stored;

use crate::address_bar;
use crate::field::{Number, Price, Toggle};
use crate::frame::IgnoredNotice;
use crate::lab::{lab, Lab};
use crate::results::{Problems, Section};
use cloud_lab_model::link::{LinkState, Query, Route, GLOBAL_KEYS};
use cloud_lab_model::params::{Access, Field};
use cloud_lab_model::project::examples::Example;
use cloud_lab_model::project::json::to_json;
use cloud_lab_model::project::{validate, Project, GROUP_TITLES, NAME, TABLE};
use cloud_lab_model::scenario::linked_demos;
use leptos::prelude::*;

/// The page's route: `#/project`.
pub const PAGE: &str = "project";

/// A link with the project's keys opens that project in the editor; without, the current one.
pub fn view(query: &Query) -> AnyView {
    let lab = lab();
    let current = lab.scenario.with_untracked(|s| s.project.clone());
    let has_keys = query.keys().any(|k| !GLOBAL_KEYS.contains(&k));
    let (from_link, ignored) = Project::from_query(query);
    let project = RwSignal::new(if has_keys {
        from_link.clone()
    } else {
        current.clone()
    });
    // A link's project waits for the student's choice, so the one they made is not lost.
    let offered = RwSignal::new((has_keys && from_link != current).then_some(from_link));
    let message = RwSignal::new(None::<Result<String, Vec<String>>>);
    let problems = Memo::new(move |_| project.with(validate).err());

    Effect::new(move |_| {
        let query = project.with(|p| p.to_query());
        address_bar::write(PAGE, &query, lab.cloud.get());
    });
    // Any edit in the form makes the project the lab's, once it is valid.
    let commit = move |_| {
        offered.set(None);
        store::adopt(lab, &project.get_untracked());
    };
    view! {
        <article class="demo project-page" data-testid="project-page">
            <header class="demo-header">
                <h1>"Your project"</h1>
                <p class="teaches">
                    "PhotoShare is one instance of the course project. Put in your own app's numbers: \
                     every linked demo then opens on them, and the design report computes the \
                     worked example's sections for them. The project stays in this browser."
                </p>
            </header>
            <IgnoredNotice ignored/>
            {move || offered.get().map(|p| offer(lab, project, offered, p))}
            {examples()}
            <section aria-labelledby="project-file-heading" class="project-file">
                <h2 id="project-file-heading">"Keep and share it"</h2>
                <p class="choices">
                    <button data-testid="download-json" on:click=move |_| project.with_untracked(|p| {
                        crate::chart::save_text(&format!("{}.json", store::file_stem(p)), "application/json", &to_json(p));
                    })>"Download as JSON"</button>
                    <label class="upload">"Upload a JSON file "
                        <input type="file" accept=".json,application/json" data-testid="upload-json"
                            on:change=move |ev| store::read_upload(&ev, move |read| match read {
                                Ok(p) => {
                                    message.set(Some(Ok(format!("Opened {} from the file.", p.name))));
                                    project.set(p.clone());
                                    offered.set(None);
                                    store::adopt(lab, &p);
                                }
                                Err(why) => message.set(Some(Err(why))),
                            })/>
                    </label>
                    <button data-testid="back-to-photoshare" on:click=move |_| {
                        project.set(Project::default());
                        offered.set(None);
                        message.set(None);
                        store::adopt(lab, &Project::default());
                    }>"Back to PhotoShare"</button>
                    <a href="#/report" data-testid="report-link">"Open the design report"</a>
                </p>
                {move || message.get().map(upload_message)}
            </section>
            <form class="project-form" data-testid="project-form"
                on:input=commit on:change=commit on:submit=|ev| ev.prevent_default()>
                {TABLE.iter().zip(GROUP_TITLES).map(|(group, title)| view! {
                    <fieldset>
                        <legend>{title}</legend>
                        {group.iter().map(|f| control(project, *f)).collect_view()}
                    </fieldset>
                }).collect_view()}
            </form>
            {move || problems.get().map(|problems| view! { <Problems problems/> })}
            {linked(project)}
        </article>
    }
    .into_any()
}

/// A number, a flag, a price or the name, each with the table's label and limits.
fn control(project: RwSignal<Project>, field: Field<Project>) -> AnyView {
    match field.access {
        Access::Number { .. } | Access::Whole { .. } => {
            view! { <Number params=project field/> }.into_any()
        }
        Access::Flag { .. } => view! { <Toggle params=project field/> }.into_any(),
        Access::Price { .. } => view! { <Price params=project field/> }.into_any(),
        Access::Text { .. } | Access::Choice { .. } => view! {
            <label class="field-number">
                <span class="field-label">{NAME.spec.label}</span>" "
                <input type="text" maxlength="60" data-testid=NAME.spec.key
                    prop:value=move || project.with(|p| p.name.clone())
                    on:input=move |ev| project.update(|p| p.name = event_target_value(&ev))/>
            </label>
        }
        .into_any(),
    }
}

/// The link's project beside the student's own: use it, or keep theirs.
fn offer(
    lab: Lab,
    project: RwSignal<Project>,
    offered: RwSignal<Option<Project>>,
    p: Project,
) -> AnyView {
    let mine = lab.scenario.with_untracked(|s| s.project.name.clone());
    let theirs = p.name.clone();
    view! {
        <div class="notice" role="status" data-testid="project-offer">
            <p>{format!("This link opens {theirs}. The demos still use {mine} until you choose.")}</p>
            <p class="choices">
                <button data-testid="use-linked-project" on:click=move |_| {
                    offered.set(None);
                    store::adopt(lab, &p);
                }>{format!("Use {theirs}")}</button>
                <button data-testid="keep-my-project" on:click=move |_| {
                    offered.set(None);
                    project.set(lab.scenario.with_untracked(|s| s.project.clone()));
                }>{format!("Keep {mine}")}</button>
            </p>
        </div>
    }
    .into_any()
}

fn upload_message(m: Result<String, Vec<String>>) -> AnyView {
    match m {
        Ok(text) => view! { <p role="status" data-testid="upload-message">{text}</p> }.into_any(),
        Err(why) => view! {
            <div class="problems" role="alert" data-testid="upload-message">
                <p>"Nothing was changed: the file cannot be used."</p>
                <ul>{why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    }
}

fn examples() -> impl IntoView {
    view! {
        <Section id="examples" heading="Example projects">
            <ul class="project-examples">
                {Example::ALL.iter().map(|e| {
                    let p = e.project();
                    view! {
                        <li><a href=e.hash() data-testid=format!("example-{}", e.slug())>{p.name}</a>
                            " — "{e.teaches()}</li>
                    }
                }).collect_view()}
            </ul>
        </Section>
    }
}

/// The demos that open on the project.
fn linked(project: RwSignal<Project>) -> impl IntoView {
    view! {
        <section aria-labelledby="linked-heading">
            <h2 id="linked-heading">{move || format!("The demos linked to {}", project.with(|p| p.name.clone()))}</h2>
            <ul data-testid="linked-demos">
                {linked_demos().into_iter().map(|id| {
                    let info = id.info();
                    view! { <li><a href=Route::hash(info.slug, "")>{info.title}</a></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}
