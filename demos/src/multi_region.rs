//! Multi-region active-passive — extension A of the worked example: a warm standby region
//! removes the region as a single point of failure, but failing over takes time (health
//! checks, DNS caching, promoting the replica: the RTO) and loses the writes replication had
//! not yet shipped (the RPO). In return the path moves toward 99.99 %, for roughly twice
//! the always-on part of the bill.

use crate::chart::{Bar, Chart, ChartSpec, Series, Tone, Unit};
use crate::controls::{bind, NumberInput, Slider, Toggle, WholeInput};
use crate::documented::DocumentedSection;
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::lab;
use crate::results::{from_ok, problems_view, WorkedExample};
use crate::scroll_box::ScrollBox;
use cloud_lab_model::link::Query;
use cloud_lab_model::money::Usd;
use cloud_lab_model::multi_region::*;
use cloud_lab_model::photoshare::{printed, SLO};
use cloud_lab_model::vocabulary::Service;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<MultiRegion, _>(query, |page: Page<MultiRegion>| {
        let params = page.params;
        // Three parts, each recomputed only when what it depends on changes: the timing on
        // every move, the availability when the RTO or the outages change, the standby's
        // bill when the standby does. (The frame's whole outcome is never read, so it is
        // never computed.)
        let outcome = Memo::new(move |_| params.with(checked_failover));
        let gain_inputs = Memo::new(move |_| {
            let outages = params.with(|p| p.primary_outages_per_month);
            outcome.with(|f| f.as_ref().ok().map(|f| (outages, f.rto_expected_s)))
        });
        let gain = Memo::new(move |_| {
            gain_inputs
                .get()
                .and_then(|(outages, rto)| availability_gain(outages, rto).ok())
        });
        let standby = Memo::new(move |_| params.with(MultiRegionParams::standby));
        let standby_bill = Memo::new(move |_| standby_cost(standby.get()).ok());
        let valid = Memo::new(move |_| outcome.with(|o| o.is_ok()));
        view! {
            <FailoverSection params outcome/>
            <AvailabilitySection params outcome gain/>
            <CostSection params valid standby_bill/>
            <Sources/>
        }
    })
}

type Outcome = Memo<Result<Failover, Vec<String>>>;

fn invalid(outcome: Outcome) -> impl Fn() -> bool + Copy {
    move || outcome.with(|o| o.is_err())
}

/// A slider over whole seconds or checks.
fn as_whole(x: f64, max: u32) -> u32 {
    // Sliders give whole steps within [0, max]; the clamp keeps the cast exact.
    x.clamp(0.0, f64::from(max)).round() as u32
}

/// Seconds as a person would say them: "90 s", "6 min 30 s".
fn when(s: f64) -> String {
    if s.is_finite() && s >= 60.0 && s.fract() == 0.0 && s <= f64::from(u32::MAX) {
        format!("{} ({})", format::seconds(s), format::span(s as u32))
    } else {
        format::seconds(s)
    }
}

#[component]
fn FailoverSection(params: RwSignal<MultiRegionParams>, outcome: Outcome) -> impl IntoView {
    let lab = lab();
    let interval = move || params.with(|p| p.health_check_interval_s);
    let alias = move || params.with(|p| p.record == DnsRecord::Alias);
    let (threshold, set_threshold) = bind(
        params,
        |p| f64::from(p.failure_threshold),
        |p, x| p.failure_threshold = as_whole(x, MAX_FAILURE_THRESHOLD),
    );
    let (ttl, set_ttl) = bind(
        params,
        |p| f64::from(p.record.ttl_s()),
        // Only a CNAME has a TTL to set; the slider is disabled for alias records.
        |p, x| {
            if let DnsRecord::Cname { .. } = p.record {
                p.record = DnsRecord::Cname {
                    ttl_s: as_whole(x, MAX_TTL_S),
                };
            }
        },
    );
    let (extra, set_extra) = bind(
        params,
        |p| p.client_cache_extra_s,
        |p, x| p.client_cache_extra_s = x,
    );
    let (lag, set_lag) = bind(
        params,
        |p| p.replication_lag_s,
        |p, x| p.replication_lag_s = x,
    );
    let (writes, set_writes) = bind(params, |p| p.writes_per_s, |p, x| p.writes_per_s = x);
    let (promotion, set_promotion) = bind(
        params,
        |p| f64::from(p.promotion_s),
        |p, x| p.promotion_s = as_whole(x, MAX_DELAY_S),
    );
    let (decision, set_decision) = bind(params, |p| p.decision_s, |p, x| p.decision_s = x);
    let failover = from_ok(outcome, |f| Some(f.clone()));
    let regions = move || outcome.with(|o| o.is_ok()).then_some(REGIONS);
    let milestones = move || failover().map(|f| f.milestones).unwrap_or_default();
    // The timeline's scale: the last milestone spans the track.
    let last = move || milestones().iter().map(|m| m.at_s).fold(0.0, f64::max);
    let timeline_summary = move || {
        let list: Vec<String> = milestones()
            .iter()
            .map(|m| format!("{} at {}", m.label, format::seconds(m.at_s)))
            .collect();
        format!("Failover timeline, worst case: {}.", list.join("; "))
    };
    view! {
        <section aria-labelledby="failover-heading">
            <h2 id="failover-heading">"Failing over: how long, and what is lost"</h2>
            <p>
                {lab.name(Service::Dns)}" answers with the primary region ("
                {move || regions().map(|r| r[0]).unwrap_or_default()}") while its health check passes, and with the warm standby ("
                {move || regions().map(|r| r[1]).unwrap_or_default()}") once it fails. Users move only when their resolver's cached answer "
                "expires; writes resume only when the standby's cross-region replica has been promoted."
            </p>
            <div class="choices">
                <fieldset>
                    <legend>"Health check every"</legend>
                    {[(STANDARD_INTERVAL_S, "30 s (standard)"), (FAST_INTERVAL_S, "10 s (fast)")].map(|(s, label)| view! {
                        <label><input type="radio" name="interval" data-testid=format!("interval-{s}")
                            prop:checked=move || interval() == s
                            on:change=move |_| params.update(|p| p.health_check_interval_s = s)/>" "{label}</label>
                    })}
                </fieldset>
                <Slider label="Failed checks before unhealthy" value=threshold set=set_threshold
                    min=1.0 max=f64::from(MAX_FAILURE_THRESHOLD) step=1.0 shown=|x| format::trimmed(x, 0) testid="threshold"/>
                <fieldset>
                    <legend>"Failover records"</legend>
                    <label><input type="radio" name="record" data-testid="record-alias"
                        prop:checked=alias
                        on:change=move |_| params.update(|p| p.record = DnsRecord::Alias)/>" alias (TTL fixed at 60 s)"</label>
                    <label><input type="radio" name="record" data-testid="record-cname"
                        prop:checked=move || !alias()
                        on:change=move |_| params.update(|p| if p.record == DnsRecord::Alias {
                            p.record = DnsRecord::Cname { ttl_s: ALIAS_TTL_S };
                        })/>" CNAME (TTL you set)"</label>
                </fieldset>
                <Slider label="DNS record TTL" value=ttl set=set_ttl min=0.0 max=600.0 step=10.0
                    shown=format::seconds disabled=Signal::derive(alias) testid="ttl"/>
                <Slider label="Replication lag" value=lag set=set_lag min=0.0 max=60.0 step=0.5
                    shown=format::seconds testid="lag"/>
                <Slider label="Promoting the replica takes" value=promotion set=set_promotion min=0.0 max=1_800.0 step=30.0
                    shown=|x| when(x) testid="promotion"/>
            </div>
            <div class="choices">
                <WholeInput label="Resolvers hold answers beyond the TTL, s" value=extra set=set_extra testid="extra"/>
                <NumberInput label="Writes a second" value=writes set=set_writes step="1" testid="writes"/>
                <WholeInput label="A human's go-ahead before promoting, s" value=decision set=set_decision testid="decision"/>
            </div>
            {problems_view(outcome)}
            <div class="results" class:invalid=invalid(outcome)>
                <dl class="figures" aria-live="polite">
                    <div>
                        <dt>"Every user reaches the standby"</dt>
                        <dd class="big" data-testid="users-worst">{move || failover().map(|f| when(f.users_on_standby_worst_s)).unwrap_or_default()}</dd>
                        <dd>{move || failover().map(|f| format!("{} on average", format::seconds(f.users_on_standby_expected_s))).unwrap_or_default()}</dd>
                    </div>
                    <div>
                        <dt>"Recovery time (RTO)"</dt>
                        <dd class="big" data-testid="rto">{move || failover().map(|f| when(f.rto_worst_s)).unwrap_or_default()}</dd>
                        <dd>{move || failover().map(|f| format!("{} on average", when(f.rto_expected_s))).unwrap_or_default()}</dd>
                    </div>
                    <div>
                        <dt>"Recovery point (RPO)"</dt>
                        <dd class="big" data-testid="rpo">{move || failover().map(|f| format::seconds(f.rpo_s)).unwrap_or_default()}</dd>
                        <dd>"of writes, the replication lag"</dd>
                    </div>
                    <div>
                        <dt>"Writes lost on a hard failover"</dt>
                        <dd class="big" data-testid="writes-lost">{move || failover().map(|f| format::trimmed(f.writes_lost, 1)).unwrap_or_default()}</dd>
                    </div>
                </dl>
                <p class="formula">
                    "detection = interval × threshold (worst) · users on the standby = detection + TTL + extra caching · "
                    "RTO = the later of that and detection + go-ahead + promotion · writes lost = lag × writes a second"
                </p>
                <h3>"The timeline, worst case"</h3>
                <ol class="timeline" data-testid="timeline" aria-label=timeline_summary>
                    {move || {
                        let last = last();
                        milestones().into_iter().map(|m| {
                            let share = if last > 0.0 { m.at_s / last * 100.0 } else { 0.0 };
                            view! {
                                <li>
                                    <span class="timeline-at">{when(m.at_s)}</span>
                                    <span class="timeline-track"><span class="timeline-bar" style:width=format!("{share:.1}%")></span></span>
                                    <span class="timeline-label">{m.label}</span>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ol>
                <p class="note">{TIMING_NOTE}</p>
                <p class="note careful" data-testid="ttl-note">{TTL_NOTE}</p>
            </div>
        </section>
    }
}

#[component]
fn AvailabilitySection(
    params: RwSignal<MultiRegionParams>,
    outcome: Outcome,
    gain: Memo<Option<AvailabilityGain>>,
) -> impl IntoView {
    let (outages, set_outages) = bind(
        params,
        |p| p.primary_outages_per_month,
        |p, x| p.primary_outages_per_month = x,
    );
    let gain = move || gain.get();
    let one_agrees = Signal::derive(move || {
        gain()
            .is_some_and(|g| (g.one_region.availability * 1000.0).round() == (SLO * 1000.0).round())
    });
    let figure =
        move |f: fn(&AvailabilityGain) -> String| move || gain().map(|g| f(&g)).unwrap_or_default();
    view! {
        <section aria-labelledby="region-availability-heading">
            <h2 id="region-availability-heading">"What it buys: availability toward 99.99 %"</h2>
            <p>
                "The availability demo composes the request path. With one region the regional chain (load balancer, tasks, database) "
                "sits in series behind the global DNS and CDN; with two, the chains are in parallel. That counts a failover as instant; "
                "here each outage of the primary also costs the time failing over takes."
            </p>
            <div class="choices">
                <NumberInput label="Outages of the primary region a month" value=outages set=set_outages step="0.5" testid="outages"/>
            </div>
            <div class="results" class:invalid=invalid(outcome)>
                <dl class="figures">
                    <div>
                        <dt>"One region"</dt>
                        <dd class="big" data-testid="one-region">{figure(|g| format::availability(g.one_region.availability))}</dd>
                        <dd>{figure(|g| format!("{} down a month", format::minutes(g.one_region.downtime_min_per_month)))}</dd>
                        <dd><WorkedExample printed="≈ 99.9 %" agrees=one_agrees/></dd>
                    </div>
                    <div>
                        <dt>"Two regions, instant failover"</dt>
                        <dd class="big" data-testid="two-regions">{figure(|g| format::percent(g.two_regions.availability, 5))}</dd>
                        <dd>{figure(|g| format!("{} down a month", format::minutes(g.two_regions.downtime_min_per_month)))}</dd>
                        <dd data-testid="two-regions-four-nines">{figure(|g| four_nines(g.two_regions_meets_four_nines, g, " even so"))}</dd>
                    </div>
                    <div>
                        <dt>"Failing over costs"</dt>
                        <dd class="big" data-testid="failover-minutes">{figure(|g| format::minutes(g.failover_min_per_month))}</dd>
                        <dd>{figure(|g| format!("a month; the primary is down {} in all, {} an outage",
                            format::minutes(g.primary_downtime_min_per_month), format::minutes(g.minutes_per_outage)))}</dd>
                    </div>
                    <div>
                        <dt>"Two regions, with failover time"</dt>
                        <dd class="big" data-testid="effective">{figure(|g| format::percent(g.effective_availability, 5))}</dd>
                        <dd>{figure(|g| format!("{} down a month", format::minutes(g.effective_downtime_min_per_month)))}</dd>
                        <dd data-testid="four-nines">{figure(|g| four_nines(g.meets_four_nines, g, ""))}</dd>
                    </div>
                </dl>
                <p>
                    <a href="#/availability?regions=2" data-testid="availability-link">"Compose the two-region path in the availability demo"</a>
                    " — block by block, with the error budget it leaves."
                </p>
            </div>
        </section>
    }
}

/// Whether four nines hold, against the downtime they allow.
fn four_nines(meets: bool, g: &AvailabilityGain, so: &str) -> String {
    if meets {
        "meets 99.99 %".to_string()
    } else {
        format!(
            "short of 99.99 %{so} ({} a month allowed)",
            format::minutes(g.four_nines_budget_min)
        )
    }
}

#[component]
fn CostSection(
    params: RwSignal<MultiRegionParams>,
    valid: Memo<bool>,
    standby_bill: Memo<Option<StandbyCost>>,
) -> impl IntoView {
    let lab = lab();
    let (tasks, set_tasks) = bind(params, |p| p.standby_tasks, |p, x| p.standby_tasks = x);
    let (multi_az, set_multi_az) = bind(
        params,
        |p| p.standby_multi_az,
        |p, x| p.standby_multi_az = x,
    );
    let (uploads, set_uploads) = bind(
        params,
        |p| p.replicate_uploads,
        |p, x| p.replicate_uploads = x,
    );
    // Shown only while the whole input is valid, as the other sections are.
    let cost = move || valid.get().then(|| standby_bill.get()).flatten();
    let on_demand_agrees = Signal::derive(move || {
        cost().is_some_and(|c| c.one_region_on_demand_usd.to_f64() == printed::ON_DEMAND_TOTAL_USD)
    });
    let optimized_agrees = Signal::derive(move || {
        cost().is_some_and(|c| c.one_region_optimized_usd.to_f64() == printed::OPTIMIZED_TOTAL_USD)
    });
    let figure =
        move |f: fn(&StandbyCost) -> String| move || cost().map(|c| f(&c)).unwrap_or_default();
    let spec = Memo::new(move |_| {
        let c = cost();
        let one = |label: &str, usd: Usd| Bar {
            label: label.into(),
            segments: vec![("one region".into(), usd.to_f64(), Tone::First)],
        };
        let two = |label: &str, usd: Usd, standby: Usd| Bar {
            label: label.into(),
            segments: vec![
                ("one region".into(), usd.to_f64(), Tone::First),
                ("standby region".into(), standby.to_f64(), Tone::Second),
            ],
        };
        let bars = c
            .map(|c| {
                vec![
                    one("on demand, 1 region", c.one_region_on_demand_usd),
                    two(
                        "on demand, 2 regions",
                        c.one_region_on_demand_usd,
                        c.standby_on_demand_usd,
                    ),
                    one("optimized, 1 region", c.one_region_optimized_usd),
                    two(
                        "optimized, 2 regions",
                        c.one_region_optimized_usd,
                        c.standby_optimized_usd,
                    ),
                ]
            })
            .unwrap_or_default();
        // Series without points: the legend's names for the bars' colours.
        let key = |label: &str, tone| Series::line(label, vec![], tone);
        ChartSpec::new("", "$ a month")
            .y_unit(Unit::Usd)
            .series([
                key("one region", Tone::First),
                key("standby region", Tone::Second),
            ])
            .bars(bars)
            .fit_y()
    });
    let summary = Memo::new(move |_| {
        match cost() {
        Some(c) => format!(
            "A month on demand: {} in one region, {} in two. Optimized: {} in one, {} in two ({}× as much).",
            format::usd(c.one_region_on_demand_usd),
            format::usd(c.two_regions_on_demand_usd),
            format::usd(c.one_region_optimized_usd),
            format::usd(c.two_regions_optimized_usd),
            format::trimmed(c.optimized_ratio, 2)
        ),
        None => "No chart: the input is not valid.".into(),
    }
    });
    view! {
        <section aria-labelledby="standby-cost-heading">
            <h2 id="standby-cost-heading">"What it costs: a second always-on footprint"</h2>
            <p>
                "A warm standby runs all the time so that it can take over in minutes: its own tasks, database, cache, load balancer "
                "and NAT gateways, priced with the cost demo's prices and levers."
            </p>
            <div class="choices">
                <WholeInput label="Standby tasks" value=tasks set=set_tasks testid="standby-tasks"/>
                <Toggle label="Standby database Multi-AZ" value=multi_az set=set_multi_az testid="standby-multi-az"/>
                <Toggle label="Replicate the uploads (S3 cross-region replication)" value=uploads set=set_uploads testid="replicate-uploads"/>
            </div>
            <div class="results" class:invalid=move || !valid.get()>
                <dl class="figures">
                    <div>
                        <dt>"One region, on demand"</dt>
                        <dd class="big" data-testid="one-on-demand">{figure(|c| format::usd(c.one_region_on_demand_usd))}</dd>
                        <dd><WorkedExample printed="$1,358.49" agrees=on_demand_agrees/></dd>
                    </div>
                    <div>
                        <dt>"One region, optimized"</dt>
                        <dd class="big" data-testid="one-optimized">{figure(|c| format::usd(c.one_region_optimized_usd))}</dd>
                        <dd><WorkedExample printed="$1,047.63" agrees=optimized_agrees/></dd>
                    </div>
                    <div>
                        <dt>"Two regions, on demand"</dt>
                        <dd class="big" data-testid="two-on-demand">{figure(|c| format::usd(c.two_regions_on_demand_usd))}</dd>
                        <dd>{figure(|c| format!("the standby adds {}", format::usd(c.standby_on_demand_usd)))}</dd>
                    </div>
                    <div>
                        <dt>"Two regions, optimized"</dt>
                        <dd class="big" data-testid="two-optimized">{figure(|c| format::usd(c.two_regions_optimized_usd))}</dd>
                        <dd>{figure(|c| format!("the standby adds {}: {}× the bill", format::usd(c.standby_optimized_usd), format::trimmed(c.optimized_ratio, 2)))}</dd>
                    </div>
                </dl>
                <Chart spec summary testid="cost-chart"/>
                <ScrollBox label="The standby region's lines"><table data-testid="standby-bill">
                    <caption>"The standby region's lines"</caption>
                    <thead><tr>
                        <th scope="col">"line"</th><th scope="col">"detail"</th>
                        <th scope="col">"on demand"</th><th scope="col">"optimized"</th>
                    </tr></thead>
                    <tbody>
                        {move || cost().map(|c| c.rows).unwrap_or_default().into_iter().map(|r| view! {
                            <tr>
                                <th scope="row">{move || r.line.name(lab.cloud.get())}</th>
                                <td>{r.detail.clone()}</td>
                                <td>{format::usd(r.on_demand_usd)}</td>
                                <td>{format::usd(r.optimized_usd)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table></ScrollBox>
                <p>
                    <a href="#/cost" data-testid="cost-link">"Open the cost demo"</a>
                    " for the one-region bill line by line and the levers behind “optimized”."
                </p>
                <p class="note">{COST_NOTE}</p>
            </div>
        </section>
    }
}

#[component]
fn Sources() -> impl IntoView {
    view! {
        <DocumentedSection items=&DOCUMENTED/>
        <p class="note">{ASSUMPTIONS_NOTE}</p>
    }
}
