//! Cache-aside and CDN offload — the lesson of §3 and §5: a read-heavy app is sized by
//! what its caches miss. The CDN's 92 % hit ratio turns 1,200 req/s at the edge into 96 at
//! the origin (2 tasks, not 14); the hit ratio itself comes from how skewed popularity is,
//! how much the cache holds and how long a copy lives. The price of an "AP" cache is
//! staleness, and a flushed cache sends the whole edge load to the origin until it refills.

use crate::chart::{summary_of, Bar, Chart, ChartSpec, Series, Tone, Unit};
use crate::documented::DocumentedSection;
use crate::field::{numbers, Choices, Slider, Toggle};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::lab;
use crate::results::{from_ok, Figure, Section};
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::cache_cdn::*;
use cloud_lab_model::link::Query;
use cloud_lab_model::vocabulary::Service;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<CacheCdn, _>(query, |page: Page<CacheCdn>| {
        let (params, outcome) = (page.params, page.outcome);
        view! {
            <OffloadStage page/>
            {page.problems()}
            <Offload page/>
            <PopularitySection page/>
            <StalenessSection params outcome/>
            <ColdCache page/>
            <Assumptions/>
            <DocumentedSection items=&DOCUMENTED/>
        }
    })
}

type Outcome = Memo<Result<CacheCdnOutcome, Vec<String>>>;

fn invalid(outcome: Outcome) -> impl Fn() -> bool + Copy {
    move || outcome.with(|o| o.is_err())
}

/// "1 task", "8 tasks".
fn tasks(n: u32) -> String {
    if n == 1 {
        "1 task".to_string()
    } else {
        format!("{n} tasks")
    }
}

/// The lesson on one screen: the edge load and the CDN's hit ratio against the tasks the
/// origin needs, with the worked example's figures.
#[component]
fn OffloadStage(page: Page<CacheCdn>) -> impl IntoView {
    let invalid = page.invalid();
    let params = page.params;
    let from_popularity =
        Signal::derive(move || params.with(|p| p.source == HitRatioSource::Popularity));
    let steady = page.from_ok(|o| Some(o.steady));
    let burst_loads = page.from_ok(|o| Some(o.burst));
    let spec = Memo::new(move |_| {
        let bar = |label: &str, n: u32, key: &str, tone| Bar {
            label: label.into(),
            segments: vec![(key.into(), f64::from(n), tone)],
        };
        let bars = steady()
            .zip(burst_loads())
            .map(|(s, b)| {
                vec![
                    bar("steady", s.tasks, "with the CDN", Tone::First),
                    bar("burst", b.tasks, "with the CDN", Tone::First),
                    bar(
                        "steady, no CDN",
                        s.tasks_without_cdn,
                        "without the CDN",
                        Tone::Second,
                    ),
                ]
            })
            .unwrap_or_default();
        ChartSpec::new("", "tasks needed")
            .y_unit(Unit::Count)
            .bar_legend(&[
                ("with the CDN", Tone::First),
                ("without the CDN", Tone::Second),
            ])
            .bars(bars)
            .fit_y()
    });
    let summary = summary_of(page.outcome, |o| {
        format!(
            "Tasks needed: {} at the steady load and {} in the burst with the CDN; {} at the steady load without it.",
            o.steady.tasks, o.burst.tasks, o.steady.tasks_without_cdn
        )
    });
    view! {
        <Stage label="What reaches the origin">
            <StageControls slot>
                <Choices params field=CacheCdnParams::SOURCE/>
                <Slider params field=CacheCdnParams::LOAD travel=(0.0, 12_000.0)/>
                <Slider params field=CacheCdnParams::CDN_HIT disabled=from_popularity/>
            </StageControls>
            <StageFigures slot>
                <dl class="figures results" class:invalid=move || invalid.get() aria-live="polite">
                    <Figure label="Reaching the origin" testid="origin" value=move || steady().map(|s| format::per_s_fine(s.origin_per_s)).unwrap_or_default()>
                        <dd>{page.badge(&CacheCdn::ORIGIN)}</dd>
                    </Figure>
                    <Figure label="Tasks, steady" testid="tasks" value=move || steady().map(|s| tasks(s.tasks)).unwrap_or_default()>
                        <dd>{page.badge(&CacheCdn::STEADY_TASKS)}</dd>
                    </Figure>
                    <Figure label="Tasks in the burst" testid="burst-tasks" value=move || burst_loads().map(|s| tasks(s.tasks)).unwrap_or_default()>
                        <dd>{move || burst_loads().map(|s| format!("{} at the origin", format::per_s(s.origin_per_s))).unwrap_or_default()}</dd>
                        <dd>{page.badge(&CacheCdn::BURST_TASKS)}</dd>
                    </Figure>
                    <Figure label="Tasks without the CDN" testid="without-cdn" value=move || steady().map(|s| tasks(s.tasks_without_cdn)).unwrap_or_default()>
                        <dd>{page.badge(&CacheCdn::WITHOUT_CDN)}</dd>
                    </Figure>
                </dl>
            </StageFigures>
            <StageChart slot>
                <Chart spec summary testid="tasks-chart"/>
            </StageChart>
        </Stage>
    }
}

/// Each layer's load, steady and in the burst, and the rest of the sizing's inputs.
#[component]
fn Offload(page: Page<CacheCdn>) -> impl IntoView {
    let invalid = page.invalid();
    let params = page.params;
    let lab = lab();
    let from_popularity =
        Signal::derive(move || params.with(|p| p.source == HitRatioSource::Popularity));
    let steady = page.from_ok(|o| Some(o.steady));
    let burst_loads = page.from_ok(|o| Some(o.burst));
    let row = move |label: &'static str, f: fn(&LayerLoads) -> String| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{move || steady().map(|s| f(&s)).unwrap_or_default()}</td>
                <td>{move || burst_loads().map(|s| f(&s)).unwrap_or_default()}</td>
            </tr>
        }
    };
    // A ratio at each load: the popularity model's burst hits more than its steady state.
    let hit_row = move |label: &'static str, testid: &'static str, f: fn(&LayerLoads) -> f64| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td data-testid=testid>{move || steady().map(|s| format::percent(f(&s), 1)).unwrap_or_default()}</td>
                <td data-testid=format!("{testid}-burst")>{move || burst_loads().map(|s| format::percent(f(&s), 1)).unwrap_or_default()}</td>
            </tr>
        }
    };
    view! {
        <Section id="offload" heading="Every layer's load">
            <div class="choices">
                <Slider params field=CacheCdnParams::REDIS_HIT disabled=from_popularity/>
                {numbers(params, &[
                    CacheCdnParams::BURST,
                    CacheCdnParams::TASK_CAPACITY,
                    CacheCdnParams::CPU_TARGET,
                ])}
            </div>
            <div class="results" class:invalid=move || invalid.get()>
                <table data-testid="layers">
                    <caption>"Requests per second at each layer"</caption>
                    <thead><tr><th scope="col">"layer"</th><th scope="col">"steady"</th><th scope="col">"burst"</th></tr></thead>
                    <tbody>
                        {row("At the edge", |s| format::per_s(s.edge_per_s))}
                        {hit_row("CDN hit ratio", "cdn-hit", |s| s.cdn_hit_ratio)}
                        {row("Reaching the origin (CDN misses)", |s| format::per_s_fine(s.origin_per_s))}
                        {hit_row("Redis hit ratio", "redis-hit", |s| s.redis_hit_ratio)}
                        {row("Reaching Postgres (Redis misses)", |s| format::per_s_fine(s.db_reads_per_s))}
                        {row("Tasks needed", |s| s.tasks.to_string())}
                    </tbody>
                </table>
                <Why>
                    <p>
                        "Requests arrive at the " {lab.name(Service::Cdn)} " edge. A hit is answered there; only misses travel on to the "
                        {lab.name(Service::LoadBalancer)} " and the app tasks, which look up the image's metadata in "
                        {lab.name(Service::ManagedRedis)} " first (cache-aside) and read " {lab.name(Service::ManagedPostgres)}
                        " only when Redis misses. The fleet is sized for what the CDN misses, not for what users ask."
                    </p>
                    <p class="formula">"origin = edge × (1 − CDN hit ratio) · database reads = origin × (1 − Redis hit ratio) · tasks = ⌈origin ÷ (one task's req/s × CPU target)⌉"</p>
                    <p class="note" data-testid="burst-hit-note">{BURST_HIT_NOTE}</p>
                </Why>
            </div>
        </Section>
    }
}

#[component]
fn PopularitySection(page: Page<CacheCdn>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let pop = from_ok(outcome, |o| Some(o.popularity.clone()));
    let spec = Signal::derive(move || {
        let (curve, capacity) = outcome.with(|o| match o {
            Ok(o) => (
                o.popularity
                    .popularity_curve
                    .iter()
                    .map(|&(rank, share)| (f64::from(rank).log10(), share))
                    .collect(),
                params.with(|p| p.popularity.cdn_capacity_objects.min(p.popularity.images)),
            ),
            Err(_) => (Vec::new(), 0),
        });
        let top = params.with(|p| f64::from(p.popularity.images.max(10)).log10());
        let spec = ChartSpec::new(
            "image rank, most popular first (log scale)",
            "requests for the images up to that rank",
        )
        .x(0.0..top)
        .x_unit(Unit::Log10)
        .y(0.0..1.0)
        .y_unit(Unit::Percent)
        .series([Series::line("share of all requests", curve, Tone::First)]);
        if capacity > 0 {
            spec.rule(
                f64::from(capacity).log10(),
                "what the CDN holds",
                Tone::Muted,
            )
        } else {
            spec
        }
    });
    let summary = summary_of(outcome, move |o| {
        let p = &o.popularity;
        params.with(|x| {
            format!(
                "With Zipf exponent {}, the {} images the CDN holds draw {} of requests; with a {} TTL it hits {}.",
                format::trimmed(x.popularity.zipf_exponent, 2),
                format::whole(f64::from(x.popularity.cdn_capacity_objects)),
                format::percent(p.cdn_capacity_share, 1),
                ttl_text(x.popularity.cdn_ttl_s),
                format::percent(p.cdn_hit_ratio, 1)
            )
        })
    });
    let using = move || params.with(|p| p.source == HitRatioSource::Popularity);
    view! {
        <Section id="popularity" heading="Where a hit ratio comes from: popularity">
            <p>
                "A few images draw most of the requests. With Zipf-like popularity the image of rank "<em>"i"</em>
                " gets a share proportional to 1 / "<em>"i"</em><sup>"s"</sup>": the larger the exponent "<em>"s"</em>
                ", the more a small cache catches. "
                {move || if using() {
                    "The figures above use these ratios."
                } else {
                    "The figures above use the measured ratios; choose “From popularity” to use these."
                }}
            </p>
            <div class="choices">
                <Slider params field=CacheCdnParams::ZIPF travel=(0.0, 2.0)/>
                <Slider params field=CacheCdnParams::CDN_CAPACITY travel=(0.0, 100_000.0)/>
                <Slider params field=CacheCdnParams::CDN_TTL travel=(0.0, 86_400.0)/>
            </div>
            <div class="choices">
                {numbers(params, &[
                    CacheCdnParams::IMAGES,
                    CacheCdnParams::REDIS_CAPACITY,
                    CacheCdnParams::REDIS_TTL,
                ])}
            </div>
            <div class="results" class:invalid=invalid(outcome)>
                <dl class="figures">
                    <Figure label="CDN hit ratio from popularity" testid="zipf-hit" value=move || pop().map(|p| format::percent(p.cdn_hit_ratio, 1)).unwrap_or_default()>
                        <dd>{page.badge(&CacheCdn::ZIPF_HIT)}</dd>
                    </Figure>
                    <div>
                        <dt>"Requests for what the CDN holds"</dt>
                        <dd data-testid="capacity-share">{move || pop().map(|p| format::percent(p.cdn_capacity_share, 1)).unwrap_or_default()}</dd>
                        <dd class="note">"the hit ratio if copies never expired"</dd>
                    </div>
                    <div>
                        <dt>"Missed because a copy expired"</dt>
                        <dd data-testid="ttl-misses">{move || pop().map(|p| format::percent(p.cdn_ttl_miss_share, 1)).unwrap_or_default()}</dd>
                    </div>
                    <div>
                        <dt>"Redis hit ratio on the CDN's misses"</dt>
                        <dd data-testid="zipf-redis">{move || pop().map(|p| format::percent(p.redis_hit_ratio, 1)).unwrap_or_default()}</dd>
                    </div>
                </dl>
                <p class="formula">"one image's hit probability = λT ÷ (1 + λT), λ its requests a second, T the TTL"</p>
                <Chart spec summary testid="popularity-chart"/>
            </div>
        </Section>
    }
}

/// A TTL in minutes and seconds ("1 hour" reads as "60 min").
fn ttl_text(ttl_s: f64) -> String {
    // Validated TTLs are at most a year, well inside u32.
    format::span(ttl_s.clamp(0.0, MAX_TTL_S).round() as u32)
}

#[component]
fn StalenessSection(params: RwSignal<CacheCdnParams>, outcome: Outcome) -> impl IntoView {
    let on = Signal::derive(move || params.with(|p| p.invalidate_on_write));
    // Columns in a fixed order: invalidate on write, then TTL only.
    let columns = |o: &CacheCdnOutcome| {
        let (a, b) = (o.staleness, o.staleness_other);
        if a.invalidate_on_write {
            [a, b]
        } else {
            [b, a]
        }
    };
    let pair = from_ok(outcome, move |o| Some(columns(o)));
    let row = move |label: &'static str, testid: &'static str, f: fn(&Staleness) -> String| {
        let cell = move |i: usize| move || pair().map(|p| f(&p[i])).unwrap_or_default();
        view! {
            <tr data-testid=testid>
                <th scope="row">{label}</th>
                <td class:current=move || on.get()>{cell(0)}</td>
                <td class:current=move || !on.get()>{cell(1)}</td>
            </tr>
        }
    };
    let spec = Signal::derive(move || {
        let windows = pair()
            .map(|p| p.map(|s| s.worst_window_s))
            .unwrap_or_default();
        let bar = |label: &str, value: f64, tone: Tone| Bar {
            label: label.into(),
            segments: vec![("longest stale window".into(), value, tone)],
        };
        ChartSpec::new("", "seconds readers may see the old value")
            .bars(vec![
                bar("invalidate on write", windows[0], Tone::First),
                bar("TTL only", windows[1], Tone::Second),
            ])
            .fit_y()
    });
    let summary = summary_of(outcome, move |o| {
        let [inv, ttl_only] = columns(o);
        format!(
            "After a write, readers may see the old value for up to {} with invalidation on write, and up to {} with the TTL alone.",
            format::seconds(inv.worst_window_s),
            format::seconds(ttl_only.worst_window_s)
        )
    });
    view! {
        <Section id="staleness" heading="The price of an AP cache: stale reads">
            <p>
                "Postgres is the one place a write is true at once (CP). Redis and the CDN answer from copies (AP): "
                "they stay available and fast, but after someone edits an image's caption a reader can still get the old one, "
                "until the copy expires or the app deletes it on write. The question is how long, and how often."
            </p>
            <div class="choices">
                <Slider params field=CacheCdnParams::META_TTL travel=(0.0, 3_600.0)/>
                <Toggle params field=CacheCdnParams::INVALIDATE/>
                {numbers(params, &[
                    CacheCdnParams::DELAY,
                    CacheCdnParams::READS,
                    CacheCdnParams::WRITES,
                ])}
            </div>
            <div class="results" class:invalid=invalid(outcome)>
                <table data-testid="staleness">
                    <caption>"One image's cached metadata (the chosen policy in bold)"</caption>
                    <thead><tr>
                        <th scope="col">""</th>
                        <th scope="col">"invalidate on write"</th>
                        <th scope="col">"TTL only"</th>
                    </tr></thead>
                    <tbody>
                        {row("Longest a reader sees the old value", "worst-window", |s| format::seconds(s.worst_window_s))}
                        {row("Average, after a write", "expected-window", |s| format::seconds(s.expected_window_s))}
                        {row("Reads answered with the old value", "stale-share", |s| format::percent(s.stale_read_share, 2))}
                        {row("Stale reads an hour", "stale-per-hour", |s| if s.stale_reads_per_hour < 100.0 {
                            format::trimmed(s.stale_reads_per_hour, 1)
                        } else {
                            format::whole(s.stale_reads_per_hour)
                        })}
                        {row("Time a copy is cached", "cached-share", |s| format::percent(s.cached_share, 1))}
                    </tbody>
                </table>
                <Chart spec summary testid="staleness-chart"/>
                <p class="note">{STALENESS_NOTE}</p>
            </div>
        </Section>
    }
}

#[component]
fn ColdCache(page: Page<CacheCdn>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let cold = from_ok(outcome, |o| Some(o.cold.clone()));
    let end = move || params.with(|p| f64::from(p.cold_duration_s));
    let load_spec = Signal::derive(move || {
        let (origin, db, warm) = outcome.with(|o| match o {
            Ok(o) => (
                o.cold
                    .points
                    .iter()
                    .map(|c| (f64::from(c.t_s), c.origin_per_s))
                    .collect(),
                o.cold
                    .points
                    .iter()
                    .map(|c| (f64::from(c.t_s), c.db_reads_per_s))
                    .collect(),
                o.steady.origin_per_s,
            ),
            Err(_) => (Vec::new(), Vec::new(), 0.0),
        });
        ChartSpec::new("time after the flush", "req/s")
            .x(0.0..end())
            .x_unit(Unit::Clock)
            .series([
                Series::line("reaching the origin", origin, Tone::First),
                Series::line("reaching Postgres", db, Tone::Second),
                Series::dashed(
                    "origin, warm cache",
                    vec![(0.0, warm), (end(), warm)],
                    Tone::Muted,
                ),
            ])
            .fit_y()
    });
    let tasks_spec = Signal::derive(move || {
        let (needed, warm) = outcome.with(|o| match o {
            Ok(o) => (
                o.cold
                    .points
                    .iter()
                    .map(|c| (f64::from(c.t_s), f64::from(c.tasks_needed)))
                    .collect(),
                f64::from(o.cold.warm_tasks),
            ),
            Err(_) => (Vec::new(), 0.0),
        });
        ChartSpec::new("time after the flush", "tasks")
            .x(0.0..end())
            .x_unit(Unit::Clock)
            .y_unit(Unit::Count)
            .series([
                Series::step("tasks the load needs", needed, Tone::Third),
                Series::dashed(
                    "tasks running (warm)",
                    vec![(0.0, warm), (end(), warm)],
                    Tone::Muted,
                ),
            ])
            .fit_y()
    });
    let recovered = move |c: &ColdCache| match c.recovered_s {
        Some(t) => format!("after {}", format::span(t)),
        None => "not within the run".into(),
    };
    let load_summary = summary_of(outcome, move |o| {
        format!(
            "After the flush the origin takes {} at the peak; the tasks it needs are back to {} {}.",
            format::per_s(o.cold.peak_origin_per_s),
            o.cold.warm_tasks,
            recovered(&o.cold)
        )
    });
    let tasks_summary = summary_of(outcome, |o| {
        format!(
            "Tasks needed peak at {} against {} running on a warm cache.",
            o.cold.peak_tasks, o.cold.warm_tasks
        )
    });
    let link = from_ok(outcome, |o| o.cold.autoscaling_hash.clone());
    view! {
        <Section id="cold" heading="A cold cache after a deploy or a flush">
            <p>
                "Purge the CDN (a bad deploy's assets, an invalidation of everything) and for a moment every request misses: "
                "the origin, sized for the misses of a warm cache, takes the whole edge load. Popular images return within "
                "seconds, the long tail takes longer; meanwhile the autoscaler has to catch up from the warm fleet."
            </p>
            <div class="choices">
                <Slider params field=CacheCdnParams::COLD_DURATION/>
            </div>
            <div class="results" class:invalid=invalid(outcome)>
                <dl class="figures">
                    <Figure label="Origin load at the peak" testid="cold-peak" value=move || cold().map(|c| format::per_s(c.peak_origin_per_s)).unwrap_or_default()/>
                    <Figure label="Tasks needed at the peak" testid="cold-tasks" value=move || cold().map(|c| c.peak_tasks.to_string()).unwrap_or_default()>
                        <dd class="note">"as many as with no CDN at all"</dd>
                        <dd>{page.badge(&CacheCdn::COLD_PEAK)}</dd>
                    </Figure>
                    <div>
                        <dt>"Back to the warm fleet"</dt>
                        <dd data-testid="cold-recovered">{move || cold().map(|c| recovered(&c)).unwrap_or_default()}</dd>
                    </div>
                    <div>
                        <dt>"Extra requests the origin served"</dt>
                        <dd data-testid="cold-extra">{move || cold().map(|c| format::whole(c.extra_origin_requests)).unwrap_or_default()}</dd>
                    </div>
                </dl>
                <Chart spec=load_spec summary=load_summary testid="cold-chart"/>
                <Chart spec=tasks_spec summary=tasks_summary testid="cold-tasks-chart"/>
                <p>
                    <a href=link data-testid="autoscaling-link">"Replay this flush in the autoscaling demo"</a>
                    " — the origin load above, 20 minutes into a run, against PhotoShare's scaling policy: "
                    "see how many requests the fleet of 2 drops before new tasks arrive."
                </p>
                <p class="note">{COLD_MODEL_NOTE}</p>
            </div>
        </Section>
    }
}

#[component]
fn Assumptions() -> impl IntoView {
    view! {
        <Section id="cache-assumptions" heading="Assumptions and sources">
            <p>{ASSUMPTIONS_NOTE}</p>
            <p>{TTL_MODEL_NOTE}</p>
        </Section>
    }
}
