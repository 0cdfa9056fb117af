//! Rolling deploy — the lesson of §2's pipeline: ECS starts the new task
//! definition's tasks, and the load balancer's `/healthz` check, not the deploy
//! script, decides when each one takes traffic. Old tasks leave only once enough
//! new ones are healthy, within the minimum-healthy and maximum percent, so
//! capacity never drops below the floor; a bad build never passes the check and
//! so never serves a user; tasks spread over two AZs keep half the capacity
//! when one AZ is lost.

use crate::chart::{summary_of, Chart, ChartSpec, Mark, Series, Tone, Unit};
use crate::documented::DocumentedSection;
use crate::field::{numbers, Choices, Slider, Toggle};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::field_whole;
use crate::results::{from_ok, problems_view, row_count, Figure, Results, Section};
use crate::rows::{indexed, row, text};
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::link::Query;
use cloud_lab_model::photoshare::{self, rolling_deploy::AZ_NAMES};
use cloud_lab_model::rolling_deploy::*;
use leptos::prelude::*;

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
    // A move re-times the spans far more often than it adds a task or a state: rows and spans
    // are kept by their place, and each position and text is bound on its own, so a move
    // rewrites only what changed.
    let tracks = Memo::new(move |_| outcome.with(|o| o.as_ref().map_or(0, |o| o.tracks.len())));
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
            <ol class="timeline" data-testid="timeline">
                {indexed(tracks.into(), Callback::new(move |i| track(outcome, duration, i)))}
            </ol>
            <div class="ticks" aria-hidden="true">{ticks}</div>
        </Results>
    }
}

/// Where a moment falls along a run of `duration` seconds, in percent.
fn percent_of(s: u32, duration: f64) -> f64 {
    (f64::from(s) / duration * 100.0).clamp(0.0, 100.0)
}

/// Task `i`'s row: its name, its bar of spans, how it stopped. Its texts follow the task
/// (`rows::row`): a move that leaves the task as it was runs none of them.
fn track(outcome: Outcome, duration: Memo<u32>, i: usize) -> AnyView {
    let task = row(outcome, |o| &o.tracks, i);
    let spans = Memo::new(move |_| task.with(|t| t.as_ref().map_or(0, |t| t.spans.len())));
    let span = move |j| {
        let span_text = |f: fn(Span, f64) -> String| {
            text(task, move |t| {
                t.spans
                    .get(j)
                    .map_or_else(String::new, |s| f(*s, f64::from(duration.get().max(1))))
            })
        };
        view! {
            <span class=span_text(|s, _| format!("span st-{}", state_name(s.state)))
                style:left=span_text(|s, d| format!("{:.3}%", percent_of(s.from_s, d)))
                style:width=span_text(|s, d| format!("{:.3}%", percent_of(s.to_s, d) - percent_of(s.from_s, d)))
                title=span_text(|s, _| format!("{} {}–{} s", state_name(s.state), s.from_s, s.to_s))>
                <span class="span-label">{span_text(|s, _| state_name(s.state).into())}</span>
                <span class="visually-hidden">{span_text(|s, _| format!(" {}–{} s; ", s.from_s, s.to_s))}</span>
            </span>
        }
        .into_any()
    };
    let task_text = |f: fn(&TaskTrack) -> String| text(task, f);
    view! {
        <li class=task_text(|t| format!("track track-{}", version_name(t.version))) data-testid=task_text(|t| format!("task-{}", t.id))>
            <span class="track-name">{task_text(|t| format!("Task {} · {} · {}", t.id, version_name(t.version), AZ_NAMES.get(t.az).copied().unwrap_or("?")))}</span>
            <span class="track-bar">{indexed(spans.into(), Callback::new(span))}</span>
            <span class="track-end">{task_text(|t| match (t.stopped_s, t.stop_reason) {
                (Some(at), Some(r)) => format!("{} at {at} s", stop_text(r)),
                _ => String::new(),
            })}</span>
        </li>
    }
    .into_any()
}

#[component]
fn Events(outcome: Outcome) -> impl IntoView {
    // Events keep their rows by place, each following its own event (`rows::row`): a move that
    // re-times some rewrites only theirs.
    let count = row_count(outcome, |o| &o.events);
    let event = move |i: usize| {
        let event = row(outcome, |o| &o.events, i);
        view! {
            <li><strong>{text(event, |e| format!("{} s", e.t_s))}</strong>" "{text(event, |e| e.text.clone())}</li>
        }
        .into_any()
    };
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="events" heading="What ECS and the ALB did, in order">
            <ol class="events" data-testid="events" tabindex="0" aria-label="Events">
                {indexed(count.into(), Callback::new(event))}
            </ol>
        </Results>
    }
}

#[component]
fn HowItWorks() -> impl IntoView {
    view! {
        <DocumentedSection items=&DOCUMENTED/>
    }
}
