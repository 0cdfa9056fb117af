//! Rolling deploy — the lesson of §2's pipeline: ECS starts the new task
//! definition's tasks, and the load balancer's `/healthz` check, not the deploy
//! script, decides when each one takes traffic. Old tasks leave only once enough
//! new ones are healthy, within the minimum-healthy and maximum percent, so
//! capacity never drops below the floor; a bad build never passes the check and
//! so never serves a user; tasks spread over two AZs keep half the capacity
//! when one AZ is lost.

use crate::chart::{summary_of, Chart, ChartSpec, Mark, Series, Tone, Unit};
use crate::documented::DocumentedSection;
use crate::drawn::{element, put, At, Row, Rows};
use crate::field::{numbers, Choices, Slider, Toggle};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::field_whole;
use crate::results::{from_ok, problems_view, Figure, Results, Section};
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::link::Query;
use cloud_lab_model::photoshare::{self, rolling_deploy::AZ_NAMES};
use cloud_lab_model::rolling_deploy::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn page(query: &Query) -> AnyView {
    demo_page::<RollingDeploy, _>(query, |page: Page<RollingDeploy>| {
        let (params, outcome) = (page.params, page.outcome);
        type P = RollingDeployParams;
        view! {
            <Stage label="The rollout">
                <StageControls slot>
                    <Choices params field=P::BUILD/>
                    <Toggle params field=P::CIRCUIT_BREAKER/>
                    <Slider params field=P::MIN_HEALTHY_PERCENT/>
                </StageControls>
                <StageFigures slot><Headline params outcome/></StageFigures>
                <StageChart slot><CapacityChart params outcome/></StageChart>
            </Stage>
            {problems_view(outcome)}
            <Controls params outcome/>
            <WhatHappened outcome/>
            <Timeline params outcome/>
            <Events outcome/>
            <HowItWorks/>
        }
    })
}

type Outcome = Memo<Result<RollingDeployOutcome, Vec<String>>>;
type Params = RwSignal<RollingDeployParams>;

/// The AZ loss's moment: a whole-number slider whose top follows the run's length.
#[component]
fn LoseAt(
    label: &'static str,
    unit: &'static str,
    min: u32,
    #[prop(into)] max: Signal<u32>,
    step: u32,
    testid: &'static str,
    #[prop(into)] value: Signal<u32>,
    set: impl Fn(u32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="slider">
            <span>{label}</span>
            <input type="range" min=min max=move || max.get() step=step data-testid=testid
                prop:value=move || value.get().to_string()
                on:input=move |ev| set(field_whole(&ev))/>
            <output>{move || format!("{}{unit}", value.get())}</output>
        </label>
    }
}

#[component]
fn Controls(params: Params, outcome: Outcome) -> impl IntoView {
    type P = RollingDeployParams;
    let hc = move || params.with(|p| p.health_check);
    let loss = move || params.with(|p| p.az_loss);
    // Only switching the loss on or off rebuilds its controls, so dragging "At" is not interrupted.
    let losing = Memo::new(move |_| params.with(|p| p.az_loss.is_some()));
    view! {
        <Section id="controls" heading="The deployment">
            <div class="choices sliders">
                <fieldset>
                    <legend>"ECS service"</legend>
                    <Slider params field=P::DESIRED_COUNT travel=(1.0, 20.0)/>
                    <Slider params field=P::MAX_PERCENT/>
                    <p class="note" data-testid="bounds">{from_ok(outcome, |o| format!(
                        "At least {} tasks healthy, at most {} running.", o.min_healthy_tasks, o.max_running_tasks))}</p>
                </fieldset>
                <fieldset>
                    <legend>"Timing"</legend>
                    <Slider params field=P::TASK_START_S travel=(0.0, 120.0)/>
                    <Slider params field=P::DEREGISTRATION_DELAY_S travel=(0.0, 600.0)/>
                    <Slider params field=P::DURATION_S travel=(60.0, 1_800.0)/>
                </fieldset>
                <fieldset>
                    <legend>"Lose an availability zone"</legend>
                    <label><input type="checkbox" data-testid="lose-az"
                        prop:checked=move || loss().is_some()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            params.update(|p| p.az_loss = on.then_some(AzLoss { az: 1, at_s: 45.min(p.duration_s) }))
                        }/>" lose one during the rollout"</label>
                    {move || losing.get().then(|| view! {
                        <label>"Which "
                            <select data-testid="lost-az"
                                prop:value=move || loss().map(|l| l.az.to_string()).unwrap_or_default()
                                on:change=move |ev| {
                                    let az = if event_target_value(&ev) == "0" { 0 } else { 1 };
                                    params.update(|p| if let Some(l) = p.az_loss.as_mut() { l.az = az });
                                }>
                                {AZ_NAMES.iter().enumerate().map(|(i, name)| view! {
                                    <option value=i.to_string()>{*name}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <LoseAt label="At" unit=" s" min=0 step=5 testid="lose-at"
                            max=Signal::derive(move || params.with(|p| p.duration_s))
                            value=Signal::derive(move || loss().map(|l| l.at_s).unwrap_or(0))
                            set=move |x| params.update(|p| if let Some(l) = p.az_loss.as_mut() { l.at_s = x })/>
                    })}
                </fieldset>
            </div>
            <fieldset class="health-check">
                <legend>{format!("The target group's health check on {}", photoshare::HEALTH_CHECK_PATH)}</legend>
                {numbers(params, &P::HEALTH_CHECK)}
                <p class="figure-line">
                    "A new task takes traffic after one passing check, "
                    <strong data-testid="first-check">{from_ok(outcome, |o| format!("{} s", o.seconds_to_first_pass))}</strong>
                    " after it registers: it serves "
                    <strong data-testid="startup">{from_ok(outcome, |o| format!("{} s", o.startup_s))}</strong>
                    " after launch."
                </p>
                <p class="figure-line">
                    {move || format!("A broken or lost task is taken out after {} failed checks, each timing out: ", hc().unhealthy_threshold)}
                    <strong data-testid="to-detect">{from_ok(outcome, |o| format!("{}–{} s", o.detection_range_s.0, o.detection_range_s.1))}</strong>
                    " after it stops answering."
                </p>
                <p class="figure-line">
                    {move || format!("An unhealthy task that answers again needs {} passing checks: ", hc().healthy_threshold)}
                    <strong data-testid="to-recover">{from_ok(outcome, |o| format!("{} s", o.seconds_to_recover))}</strong>
                    "."
                </p>
            </fieldset>
        </Section>
    }
}

fn result_text(result: DeployResult, build: NewBuild) -> String {
    match result {
        DeployResult::Completed { at_s } => {
            format!("Completed at {at_s} s: only new tasks run, all healthy.")
        }
        DeployResult::RolledBack {
            tripped_s,
            stable_s,
        } => format!(
            "Rolled back: the circuit breaker tripped at {tripped_s} s; the old version is stable again at {stable_s} s."
        ),
        DeployResult::RollingBack { tripped_s } => format!(
            "Rolling back: the circuit breaker tripped at {tripped_s} s; the old version is not stable yet."
        ),
        DeployResult::InProgress if build == NewBuild::Bad => {
            "Stalled: no new task ever passes the health check, so the old tasks keep serving.".into()
        }
        DeployResult::InProgress => "Still in progress when the run ended.".into(),
    }
}

fn wait_text(wait: Wait) -> String {
    match wait {
        Wait::Stable { at_s } => {
            format!("The pipeline's services-stable wait succeeds at {at_s} s.")
        }
        Wait::TimedOut { at_s } => format!(
            "The pipeline's services-stable wait gives up at {at_s} s: the deploy job fails."
        ),
        Wait::Waiting => "The pipeline is still waiting when the run ends.".into(),
    }
}

/// The rollout's result and the two figures the lesson is about, on the stage.
#[component]
fn Headline(params: Params, outcome: Outcome) -> impl IntoView {
    let build = move || params.with(|p| p.build);
    let result = move || {
        outcome.with(|o| match o {
            Ok(o) => result_text(o.result, build()),
            Err(_) => String::new(),
        })
    };
    let floor_status = from_ok(outcome, |o| {
        if o.lowest_serving >= o.min_healthy_tasks {
            "never below the minimum".to_string()
        } else if o.lowest_capacity_after_az_loss.is_some() {
            "below the minimum: an AZ was lost".into()
        } else {
            "below the minimum".into()
        }
    });
    view! {
        <div class="results" class:invalid=move || outcome.with(|o| o.is_err())>
            <p class="policy" role="status" data-testid="result">{result}</p>
            <dl class="figures" aria-live="polite">
                <Figure label="Lowest serving capacity" testid="lowest" value=from_ok(outcome, |o| format!("{} tasks", o.lowest_serving))>
                    <dd>{from_ok(outcome, |o| format!("{} of desired; minimum healthy {} tasks", format::percent(o.lowest_capacity, 0), o.min_healthy_tasks))}</dd>
                    <dd data-testid="floor">{floor_status}</dd>
                </Figure>
                <Figure label="Served by the new build" testid="new-served" value=from_ok(outcome, |o| format!("{} task-seconds", o.new_task_seconds))>
                    <dd>{from_ok(outcome, |o| format!("of {} task-seconds served in all", o.all_task_seconds))}</dd>
                    <dd>{move || (build() == NewBuild::Bad).then_some("A bad build never passes the health check, so the ALB never sends it a user.")}</dd>
                </Figure>
            </dl>
        </div>
    }
}

/// Tasks serving users over the run, old and new, against the minimum healthy.
#[component]
fn CapacityChart(params: Params, outcome: Outcome) -> impl IntoView {
    let spec = Signal::derive(move || {
        outcome.with(|o| {
            let duration = params.with(|p| f64::from(p.duration_s));
            let series = match o {
                Ok(o) => {
                    let line = |label: &str, tone, mark, f: &dyn Fn(&Sample) -> f64| Series {
                        label: label.into(),
                        points: o.samples.iter().map(|s| (f64::from(s.t_s), f(s))).collect(),
                        tone,
                        mark,
                    };
                    let mut series = vec![
                        line("serving users", Tone::First, Mark::Step, &|s| {
                            f64::from(s.old_serving + s.new_serving)
                        }),
                        line("old build serving", Tone::Second, Mark::Step, &|s| {
                            f64::from(s.old_serving)
                        }),
                        line("new build serving", Tone::Third, Mark::Step, &|s| {
                            f64::from(s.new_serving)
                        }),
                        Series::dashed(
                            "minimum healthy",
                            vec![
                                (0.0, f64::from(o.min_healthy_tasks)),
                                (duration, f64::from(o.min_healthy_tasks)),
                            ],
                            Tone::Muted,
                        ),
                    ];
                    if o.samples.iter().any(|s| s.lost > 0) {
                        series.push(line("gone, still routed", Tone::Fourth, Mark::Step, &|s| {
                            f64::from(s.lost)
                        }));
                    }
                    series
                }
                Err(_) => Vec::new(),
            };
            ChartSpec::new("time since the deploy started", "tasks")
                .x(0.0..duration)
                .x_unit(Unit::Clock)
                .y_unit(Unit::Count)
                .series(series)
                .fit_y()
        })
    });
    let summary = summary_of(outcome, move |o| {
        let last = o.samples.last().copied();
        format!(
                    "Tasks serving users over the run: lowest {} against a minimum of {}; at the end {} old and {} new.",
                    o.lowest_serving,
                    o.min_healthy_tasks,
                    last.map_or(0, |s| s.old_serving),
                    last.map_or(0, |s| s.new_serving)
                )
    });
    view! {
        <Chart spec summary testid="capacity-chart"/>
    }
}

/// What the pipeline saw, and the failures: below the stage.
#[component]
fn WhatHappened(outcome: Outcome) -> impl IntoView {
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="result" heading="What happened">
            <p data-testid="wait">{from_ok(outcome, |o| wait_text(o.wait))}</p>
            <dl class="figures" aria-live="polite">
                <Figure label="New tasks that failed /healthz" testid="failed" value=from_ok(outcome, |o| o.failed_tasks.to_string())>
                    <dd>{from_ok(outcome, |o| format!("the circuit breaker trips at {}", o.breaker_threshold))}</dd>
                    <dd>{from_ok(outcome, |o| if o.fail_open_seconds > 0 { format!("No healthy target for {} s: the ALB failed open.", o.fail_open_seconds) } else { String::new() })}</dd>
                </Figure>
                <div>
                    <dt>"Capacity after losing an AZ"</dt>
                    <dd class="big" data-testid="after-az-loss">{from_ok(outcome, |o| o.lowest_capacity_after_az_loss.map(|c| format::percent(c, 0)).unwrap_or_else(|| "no AZ lost".into()))}</dd>
                    <dd>{from_ok(outcome, |o| o.routed_to_lost_s.map(|s| format!(
                        "lowest share of desired serving; up to {} of requests failed until the checks noticed ({s} s)",
                        format::percent(o.peak_failing_requests, 0))).unwrap_or_default())}</dd>
                </div>
            </dl>
        </Results>
    }
}

fn state_name(s: TaskState) -> &'static str {
    match s {
        TaskState::Starting => "starting",
        TaskState::Checking => "checking",
        TaskState::Serving => "serving",
        TaskState::Draining => "draining",
        TaskState::Lost => "lost",
    }
}

fn version_name(v: Version) -> &'static str {
    match v {
        Version::Old => "old",
        Version::New => "new",
    }
}

fn stop_text(r: StopReason) -> &'static str {
    match r {
        StopReason::Replaced => "stopped: replaced",
        StopReason::FailedHealthCheck => "stopped: failed /healthz",
        StopReason::AzLost => "stopped: AZ lost",
        StopReason::Superseded => "stopped: rolled back",
    }
}

#[component]
fn Timeline(params: Params, outcome: Outcome) -> impl IntoView {
    let duration = Memo::new(move |_| params.with(|p| p.duration_s));
    let ticks = (0..=4u32)
        .map(|i| {
            view! { <span style:left=format!("{}%", i * 25)>{Signal::derive(move || format!("{} s", duration.get() * i / 4))}</span> }
        })
        .collect_view();
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="timeline" heading="Every task's life">
            <p class="legend">
                {[TaskState::Starting, TaskState::Checking, TaskState::Serving, TaskState::Draining, TaskState::Lost].map(|s| {
                    let name = state_name(s);
                    view! { <span class=format!("span-sample st-{name}")>{name}</span>" " }
                })}
            </p>
            <Why summary="What the states mean">
                <p class="note">
                    "Starting: placed, pulling, starting. Checking: registered, health checks running, no traffic. "
                    "Serving: healthy, the ALB sends it requests. Draining: deregistered, finishing in-flight requests. "
                    "Lost: its AZ is gone, but the ALB still sends it requests until the checks fail."
                </p>
            </Why>
            <ol class="timeline" data-testid="timeline" use:tracks=(outcome, duration)></ol>
            <div class="ticks" aria-hidden="true">{ticks}</div>
        </Results>
    }
}

/// Where a moment falls along a run of `duration` seconds, in percent.
fn percent_of(s: u32, duration: f64) -> f64 {
    (f64::from(s) / duration * 100.0).clamp(0.0, 100.0)
}

/// Draws the task rows in `list` for as long as the list lives, as VM vs container's host
/// bars are drawn: switching the build adds or drops some 24 rows of spans, and a row made in
/// the view costs an owner and some 45 effects with their subscriptions.
fn tracks(list: web_sys::Element, (outcome, duration): (Outcome, Memo<u32>)) {
    let effect = RenderEffect::new(move |rows: Option<Rows<DrawnTrack>>| {
        let mut rows = rows.unwrap_or_default();
        let duration = duration.get();
        outcome.with(|o| {
            let tracks = o.as_ref().map_or(&[][..], |o| &o.tracks[..]);
            rows.draw(&list, tracks, |row, t| row.show(t, duration));
        });
        rows
    });
    // The view's owner keeps the effect, and drops it with the view.
    StoredValue::new_local(effect);
}

/// Draws the events in `list`, as the task rows are drawn: the bad build adds some 35.
fn events(list: web_sys::Element, outcome: Outcome) {
    let effect = RenderEffect::new(move |rows: Option<Rows<DrawnEvent>>| {
        let mut rows = rows.unwrap_or_default();
        outcome.with(|o| {
            let events = o.as_ref().map_or(&[][..], |o| &o.events[..]);
            rows.draw(&list, events, DrawnEvent::show);
        });
        rows
    });
    StoredValue::new_local(effect);
}

/// A task's row: its texts' nodes, its bar's spans, what it shows and its texts as written
/// (class, test id, name, end).
struct DrawnTrack {
    row: web_sys::Element,
    name: web_sys::Node,
    bar: web_sys::Element,
    end: web_sys::Node,
    spans: Rows<DrawnSpan>,
    shows: Option<(TaskTrack, u32)>,
    texts: [String; 4],
}

impl Row for DrawnTrack {
    fn empty() -> Option<web_sys::Element> {
        let row = element("li", "", false)?;
        let name = element("span", "track-name", true)?;
        let bar = element("span", "track-bar", false)?;
        let end = element("span", "track-end", true)?;
        row.append_with_node_3(&name, &bar, &end).ok()?;
        Some(row)
    }

    fn copy(empty: &web_sys::Element) -> Option<Self> {
        let row: web_sys::Element = empty.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        let name = row.first_element_child()?;
        let bar = name.next_element_sibling()?;
        Some(DrawnTrack {
            name: name.first_child()?,
            end: row.last_element_child()?.first_child()?,
            row,
            bar,
            spans: Rows::default(),
            shows: None,
            texts: Default::default(),
        })
    }

    fn node(&self) -> &web_sys::Element {
        &self.row
    }
}

impl DrawnTrack {
    /// Task `t` over a run of `duration` seconds; a row that shows it already is left alone.
    fn show(&mut self, t: &TaskTrack, duration: u32) {
        if self
            .shows
            .as_ref()
            .is_some_and(|(was, d)| was == t && *d == duration)
        {
            return;
        }
        let [class, testid, name, end] = &mut self.texts;
        let version = version_name(t.version);
        put(
            At::Attribute(&self.row, "class"),
            class,
            &format!("track track-{version}"),
        );
        put(
            At::Attribute(&self.row, "data-testid"),
            testid,
            &format!("task-{}", t.id),
        );
        let az = AZ_NAMES.get(t.az).copied().unwrap_or("?");
        put(
            At::Text(&self.name),
            name,
            &format!("Task {} · {version} · {az}", t.id),
        );
        let stop = match (t.stopped_s, t.stop_reason) {
            (Some(at), Some(r)) => format!("{} at {at} s", stop_text(r)),
            _ => String::new(),
        };
        put(At::Text(&self.end), end, &stop);
        let d = f64::from(duration.max(1));
        self.spans
            .draw(&self.bar, &t.spans, |span, s| span.show(s, d));
        self.shows = Some((t.clone(), duration));
    }
}

/// A span of a task's bar: its style, its label's and hidden text's nodes, and its texts as
/// written (class, title, left, width, label, hidden text).
struct DrawnSpan {
    span: web_sys::Element,
    style: web_sys::CssStyleDeclaration,
    label: web_sys::Node,
    hidden: web_sys::Node,
    texts: [String; 6],
}

impl Row for DrawnSpan {
    fn empty() -> Option<web_sys::Element> {
        let span = element("span", "", false)?;
        let label = element("span", "span-label", true)?;
        let hidden = element("span", "visually-hidden", true)?;
        span.append_with_node_2(&label, &hidden).ok()?;
        Some(span)
    }

    fn copy(empty: &web_sys::Element) -> Option<Self> {
        let span: web_sys::HtmlElement = empty.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        Some(DrawnSpan {
            style: span.style(),
            label: span.first_element_child()?.first_child()?,
            hidden: span.last_element_child()?.first_child()?,
            span: span.into(),
            texts: Default::default(),
        })
    }

    fn node(&self) -> &web_sys::Element {
        &self.span
    }
}

impl DrawnSpan {
    /// Span `s` of a run of `duration` seconds. Styles are set through the style object, as
    /// the page's strict CSP allows (a `style` attribute would be refused).
    fn show(&mut self, s: &Span, duration: f64) {
        let name = state_name(s.state);
        let (from, to) = (percent_of(s.from_s, duration), percent_of(s.to_s, duration));
        let [class, title, left, width, label, hidden] = &mut self.texts;
        let (span, style) = (&self.span, &self.style);
        put(
            At::Attribute(span, "class"),
            class,
            &format!("span st-{name}"),
        );
        let between = format!("{}–{} s", s.from_s, s.to_s);
        put(
            At::Attribute(span, "title"),
            title,
            &format!("{name} {between}"),
        );
        put(At::Style(style, "left"), left, &format!("{from:.3}%"));
        put(
            At::Style(style, "width"),
            width,
            &format!("{:.3}%", to - from),
        );
        put(At::Text(&self.label), label, name);
        put(At::Text(&self.hidden), hidden, &format!(" {between}; "));
    }
}

/// An event's row: its moment's and its text's nodes, and the two as written.
struct DrawnEvent {
    row: web_sys::Element,
    at: web_sys::Node,
    text: web_sys::Node,
    texts: [String; 2],
}

impl Row for DrawnEvent {
    fn empty() -> Option<web_sys::Element> {
        let row = element("li", "", false)?;
        let at = element("strong", "", true)?;
        row.append_with_node_1(&at).ok()?;
        row.append_with_str_2(" ", "").ok()?;
        Some(row)
    }

    fn copy(empty: &web_sys::Element) -> Option<Self> {
        let row: web_sys::Element = empty.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        Some(DrawnEvent {
            at: row.first_child()?.first_child()?,
            text: row.last_child()?,
            row,
            texts: Default::default(),
        })
    }

    fn node(&self) -> &web_sys::Element {
        &self.row
    }
}

impl DrawnEvent {
    fn show(&mut self, e: &Event) {
        let [at, text] = &mut self.texts;
        put(At::Text(&self.at), at, &format!("{} s", e.t_s));
        put(At::Text(&self.text), text, &e.text);
    }
}

#[component]
fn Events(outcome: Outcome) -> impl IntoView {
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="events" heading="What ECS and the ALB did, in order">
            <ol class="events" data-testid="events" tabindex="0" aria-label="Events" use:events=outcome></ol>
        </Results>
    }
}

#[component]
fn HowItWorks() -> impl IntoView {
    view! {
        <DocumentedSection items=&DOCUMENTED/>
    }
}
