//! IaC drift — the lesson of §2: Terraform compares three pictures of the world, the
//! configuration you wrote, the state file of its last apply, and the real account.
//! A click in the console changes only the account; `terraform plan` shows the drift
//! and what it takes to undo it; `terraform apply` undoes it, so a fix made by hand
//! lasts only until the next apply. Two side lessons: the state lock that stops two
//! applies from writing the state at once, and the autoscaler that owns the task
//! count, which Terraform fights unless told to `ignore_changes`.

use crate::documented::DocumentedSection;
use crate::field::{Slider, Toggle};
use crate::frame::{demo_page, Page};
use crate::hcl_parser::HclParser;
use crate::lab::lab;
use crate::results::{problems_view, text_of, Results, Section};
use crate::rows::indexed;
use crate::stage::{Stage, StageChart, StageControls, Why};
use cloud_lab_model::iac_drift::*;
use cloud_lab_model::link::Query;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<IacDrift, _>(query, |page: Page<IacDrift>| {
        // The lock sliders and the plan/refresh-only switch leave the account alone: this
        // page's outcome is keyed on the rest, so they do not re-run the evaluation.
        let params = page.params;
        let account = Memo::new(move |_| params.with(IacDriftParams::account_inputs));
        let outcome = Memo::new(move |_| account.with(evaluate));
        let page = Page::<IacDrift> { params, outcome };
        view! {
            <OnStage page/>
            <Why>
                <p>
                    "Terraform keeps three pictures of the world: the configuration you wrote, the state file of its last "
                    "apply, and the real account. A click in the console changes only the account. Every plan first reads "
                    "the real objects back, so it finds the drift and plans to undo it; the next apply does, and a fix made "
                    "by hand lasts only until then."
                </p>
                <p>
                    "Since Terraform 1.2 a plain "<code>"terraform plan"</code>" reports a change made outside Terraform only "
                    "when it fed a planned change (an attribute that a changing resource refers to); a change the plan simply "
                    "reverts shows in the plan itself. "<code>"terraform plan -refresh-only"</code>" reports every outside "
                    "change and plans nothing but recording them in the state. (Terraform v1.2 changelog; "
                    <code>"relevantResourceAttrsForPlan"</code>" in Terraform's source.)"
                </p>
            </Why>
            {page.problems()}
            <Editor page/>
            <ApplyView page/>
            <Autoscaler page/>
            <Locking page/>
            <About/>
            <DocumentedSection items=&DOCUMENTED/>
        }
    })
}

type Outcome<O = IacDriftOutcome> = Memo<Result<O, Vec<String>>>;

/// A value of the outcome, or the type's default while the params are invalid.
fn with_ok<T: Default>(outcome: Outcome, f: impl Fn(&IacDriftOutcome) -> T) -> T {
    outcome.with(|o| o.as_ref().map(f).unwrap_or_default())
}

/// A plan line's colour class, from its change marker (as Terraform colours its own output).
fn marker_class(line: &str) -> &'static str {
    let t = line.trim_start();
    if t.starts_with("-/+") {
        "replace"
    } else if t.starts_with("+ ") || t == "+" {
        "add"
    } else if t.starts_with("- ") || t == "-" || t.starts_with("│ Error") {
        "remove"
    } else if t.starts_with("~ ") {
        "change"
    } else if t.starts_with('#') {
        "comment"
    } else if t.starts_with("Plan:")
        || t.starts_with("No changes.")
        || t.starts_with("Apply complete!")
    {
        "summary"
    } else {
        ""
    }
}

/// Terraform's output, in a terminal, one coloured span per line. The lines are kept by their
/// place, each bound to its text: a click changes a few lines of a plan, and only those are
/// rewritten.
#[component]
fn Terminal(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] testid: Signal<&'static str>,
    #[prop(into)] label: Signal<&'static str>,
) -> impl IntoView {
    // Each line finds itself in the text afresh: a plan is a few dozen lines, and a memo of
    // them as a list would be one more kind of memo in the wasm.
    let text = Memo::new(move |_| text.get());
    let count = Signal::derive(move || text.with(|t| t.lines().count()));
    let line = move |i: usize| {
        let line =
            Signal::derive(move || text.with(|t| t.lines().nth(i).unwrap_or_default().to_string()));
        view! { <span class=move || line.with(|l| marker_class(l))>{line}"\n"</span> }.into_any()
    };
    view! {
        <pre class="terminal" data-testid=testid role="region" aria-label=label tabindex="0">
            {indexed(count, Callback::new(line))}
        </pre>
    }
}

#[component]
fn Editor(page: Page<IacDrift>) -> impl IntoView {
    let Page { params, outcome } = page;
    // Typed text waits for the parser's module the first time; PhotoShare's own text needs none.
    let parser_failed = RwSignal::new(None::<String>);
    let parser = HclParser::new(
        move |text, read| params.update(|p| p.take_read(&text, read)),
        move |why| parser_failed.set(Some(why)),
    );
    let unread = Memo::new(move |_| params.with(|p| p.unread().map(str::to_string)));
    Effect::new(move || {
        unread.with(|t| {
            if let Some(t) = t {
                parser.read(t);
            }
        })
    });
    // The status is rebuilt only when the text starts or stops parsing, not on every click.
    let error = Memo::new(move |_| {
        with_ok(outcome, |o| {
            o.parse_error
                .as_ref()
                .map(|e| format!("Line {}, column {}: {}", e.line, e.column, e.message))
        })
    });
    let resources = move || with_ok(outcome, |o| o.config.resources.len());
    let lock_table = move || {
        with_ok(outcome, |o| {
            o.config
                .backend
                .as_ref()
                .and_then(|b| b.dynamodb_table.clone())
        })
    };
    view! {
        <section aria-labelledby="config-heading" class="iac-editor">
            <h2 id="config-heading">"The configuration you wrote"</h2>
            <label for="iac-config">"PhotoShare's Terraform ("<code>"main.tf"</code>"), editable"</label>
            <textarea id="iac-config" data-testid="config-text" rows="22" spellcheck="false" wrap="off"
                autocomplete="off" aria-describedby="iac-parse-status"
                prop:value=move || params.with(IacDriftParams::text)
                on:input=move |ev| { let text = event_target_value(&ev); params.update(|p| p.type_config(text)) }>
            </textarea>
            <p id="iac-parse-status" role="status" aria-live="polite">{move || match (parser_failed.get(), error.get()) {
                (Some(why), _) => view! {
                    <span class="parse-error" data-testid="parser-failed">
                        {format!("The HCL parser, downloaded apart from the lab, could not start: {why}.")}
                        <br/>"Typed text is not read; the plan keeps using the last text that parsed. Reloading the page tries again."
                    </span>
                }.into_any(),
                (None, Some(e)) => view! {
                    <span class="parse-error" data-testid="parse-error">
                        {e}
                        <br/>"The plan keeps using the last text that parsed."
                    </span>
                }.into_any(),
                (None, None) => view! {
                    <span data-testid="parse-ok">
                        {move || format!("Parsed: {} resources", resources())}
                        {move || match lock_table() {
                            Some(t) => format!(", state locked in the table {t}."),
                            None => ", and no lock table: two applies could write the state at once.".into(),
                        }}
                        " "{page.badge(&IacDrift::LOCK_TABLE)}
                    </span>
                }.into_any(),
            }}</p>
            <p class="note">
                "Typed text and applies made in this page are not in the link (too long for an address); "
                "a copied link replays the console clicks and the switches on a fresh deploy."
            </p>
        </section>
    }
}

/// The clicks a lecturer makes behind Terraform's back, and what each did to the account.
#[component]
fn Console(params: RwSignal<IacDriftParams>, outcome: Outcome) -> impl IntoView {
    let lab = lab();
    let full = move || params.with(|p| p.clicks.len() >= MAX_CLICKS);
    // A click adds a note at the end; the notes before it stay as they are.
    let count = Signal::derive(move || {
        params
            .with(|p| p.clicks.len())
            .min(with_ok(outcome, |o| o.click_notes.len()))
    });
    let note = move |i: usize| {
        let label =
            Signal::derive(move || params.with(|p| p.clicks.get(i).map_or("", |c| c.label())));
        view! { <li><strong>{label}": "</strong>{text_of(outcome, move |o| o.click_notes.get(i).cloned())}</li> }
            .into_any()
    };
    view! {
        <div class="iac-console" role="group" aria-labelledby="console-heading">
            <p class="chart-title" id="console-heading">"Clicks in the console, behind Terraform's back"</p>
            <div class="console-clicks">
                {ConsoleClick::ALL.map(|c| {
                    let service = c.service().map(|s| lab.name(s));
                    view! {
                        <button data-testid=format!("click-{}", c.slug()) prop:disabled=full
                            on:click=move |_| params.update(|p| if p.clicks.len() < MAX_CLICKS { p.clicks.push(c) })>
                            {c.label()}
                            {service.map(|name| view! { <span class="service">" · "{name}</span> })}
                        </button>
                    }
                })}
            </div>
            <ol class="click-notes" data-testid="click-notes">{indexed(count, Callback::new(note))}</ol>
        </div>
    }
}

/// The first screen: the console's clicks and the command to run, what the plan says,
/// and its output.
#[component]
fn OnStage(page: Page<IacDrift>) -> impl IntoView {
    let Page { params, outcome } = page;
    // One terminal for either command, and the notes under it rebuilt only when they change.
    let refresh_only = move || params.with(|p| p.refresh_only);
    let shown = Signal::derive(move || {
        with_ok(outcome, |o| {
            if refresh_only() {
                o.refresh.text.clone()
            } else {
                o.plan.text.clone()
            }
        })
    });
    let unmanaged = Signal::derive(move || with_ok(outcome, |o| o.refresh.unmanaged_text.clone()));
    let any_unmanaged =
        Memo::new(move |_| with_ok(outcome, |o| !o.refresh.unmanaged_text.is_empty()));
    let ignored = Memo::new(move |_| {
        with_ok(outcome, |o| {
            let ignored = o.refresh.ignored.iter().map(|(a, k)| format!("{a}.{k}"));
            ignored.collect::<Vec<_>>().join(", ")
        })
    });
    let summary = move || {
        with_ok(outcome, |o| {
            if refresh_only() {
                if o.refresh.drift.is_empty() {
                    "No changes. Your infrastructure still matches the configuration.".to_string()
                } else {
                    "Objects have changed outside of Terraform".to_string()
                }
            } else if o.plan.changes.is_empty() {
                NO_CHANGES.to_string()
            } else {
                o.plan.summary.plan_line()
            }
        })
    };
    let choose = move |refresh_only: bool| params.update(|p| p.refresh_only = refresh_only);
    view! {
        <Stage label="Clicks in the console, then terraform plan" invalid=page.invalid()>
            <StageControls slot>
                <fieldset class="inline">
                    <legend>"Run"</legend>
                    <label><input type="radio" name="iac-command" data-testid="command-plan"
                        prop:checked=move || !refresh_only() on:change=move |_| choose(false)/>
                        " "<code>"terraform plan"</code></label>
                    <label><input type="radio" name="iac-command" data-testid="command-refresh-only"
                        prop:checked=refresh_only on:change=move |_| choose(true)/>
                        " "<code>"terraform plan -refresh-only"</code></label>
                </fieldset>
                <Console params outcome/>
            </StageControls>
            <StageChart slot>
                <p class="chart-title">
                    <strong class="plan-summary" data-testid="plan-summary" aria-live="polite">{summary}</strong>
                </p>
                <Terminal text=shown
                    testid=Signal::derive(move || if refresh_only() { "refresh-only" } else { "plan" })
                    label=Signal::derive(move || if refresh_only() { "terraform plan -refresh-only output" } else { "terraform plan output" })/>
                {move || {
                    let ignored = ignored.get();
                    (!ignored.is_empty()).then(|| view! {
                        <p data-testid="ignored-changes">
                            "Changed outside Terraform and ignored by "<code>"lifecycle { ignore_changes }"</code>": "
                            {ignored}
                        </p>
                    })
                }}
                {move || any_unmanaged.get().then(|| view! {
                    <p class="chart-title">"Objects no state file records"</p>
                    <pre class="inventory" data-testid="unmanaged">{unmanaged}</pre>
                })}
            </StageChart>
        </Stage>
    }
}

/// How far a step-by-step apply has got (view state, not in the link): the params it
/// started from, so any change to them ends it, and the steps done.
#[derive(Clone, PartialEq)]
struct Applying {
    from: IacDriftParams,
    done: usize,
}

#[component]
fn ApplyView(page: Page<IacDrift>) -> impl IntoView {
    let Page { params, outcome } = page;
    let applying = RwSignal::new(None::<Applying>);
    let done = Memo::new(move |_| {
        applying.with(|a| {
            a.as_ref()
                .filter(|a| params.with(|p| *p == a.from))
                .map(|a| a.done)
        })
    });
    let total = move || with_ok(outcome, |o| o.applied.steps.len());
    // Memos, so that a click that leaves the apply's log as it was rebuilds none of it.
    let nothing_to_do = Memo::new(move |_| {
        outcome.with(|o| o.as_ref().map_or(true, |o| o.plan.changes.is_empty()))
    });
    let finish = move || {
        applying.set(None);
        params.update(IacDriftParams::record_apply);
    };
    let step = move |_| {
        let next = done.get().unwrap_or(0) + 1;
        if next >= total() {
            finish();
        } else {
            applying.set(Some(Applying {
                from: params.get_untracked(),
                done: next,
            }));
        }
    };
    let log = move || match done.get() {
        Some(k) => with_ok(outcome, |o| {
            format!(
                "{}… {k} of {} steps done\n",
                o.applied.log(k),
                o.applied.steps.len()
            )
        }),
        None => with_ok(outcome, |o| {
            o.last_apply
                .as_ref()
                .map(|a| a.log(a.steps.len()))
                .unwrap_or_default()
        }),
    };
    let any_log = Memo::new(move |_| !log().is_empty());
    let log = Signal::derive(log);
    let last = move || with_ok(outcome, |o| o.last_apply.clone()).filter(|_| done.get().is_none());
    view! {
        <Results invalid=page.invalid() heading="terraform apply" id="apply">
            <p>
                "Apply carries out the plan one step at a time, an object after what it refers to, and writes the new "
                "state. A step AWS refuses stops what waits for it; what ran stays done, and the state records it."
            </p>
            <div class="actions">
                <button data-testid="apply-step" prop:disabled=nothing_to_do on:click=step>
                    {move || match done.get() { Some(k) => format!("Next step ({} of {})", k + 1, total()), None => "Apply one step".into() }}
                </button>
                <button data-testid="apply-all" prop:disabled=nothing_to_do on:click=move |_| finish()>"Apply all"</button>
            </div>
            {move || nothing_to_do.get().then(|| view! { <p class="note">"Nothing to apply: the plan is empty."</p> })}
            {move || any_log.get().then(|| view! {
                <Terminal text=log testid="apply-log" label="terraform apply output"/>
            })}
            {move || last().map(|a| view! {
                <p class="apply-note" role="status" data-testid="apply-note">{a.note.clone()}</p>
                {a.failures.into_iter().map(|f| view! {
                    <div class="apply-failure" data-testid="apply-failure">
                        <p><strong>{format!("{}: what is left. ", f.address)}</strong>{f.left}</p>
                        <p><strong>"The way past it. "</strong>{f.fix}</p>
                    </div>
                }).collect_view()}
            })}
        </Results>
    }
}

#[component]
fn Autoscaler(page: Page<IacDrift>) -> impl IntoView {
    let Page { params, outcome } = page;
    let lab = lab();
    let count = |x: Option<f64>| x.map(|x| format!("{x}")).unwrap_or_else(|| "—".into());
    let status = move || {
        with_ok(outcome, |o| {
            let t = o.task_count;
            let (configured, running) = (count(t.configured), count(t.running));
            if t.reverted {
                format!("The service runs {running} tasks; the plan sets desired_count back to {configured}. The next apply would undo the autoscaler's work.")
            } else if t.ignored && t.running != t.configured {
                format!("The service runs {running} tasks and the plan leaves them: desired_count is ignored, the configuration's {configured} only counted at creation.")
            } else if t.ignored {
                format!("The service runs {running} tasks; desired_count is ignored, so the autoscaler may move it freely.")
            } else {
                format!("The service runs {running} tasks, as configured.")
            }
        })
    };
    let configured = move || with_ok(outcome, |o| o.task_count.configured);
    let running = move || with_ok(outcome, |o| o.task_count.running);
    view! {
        <Section id="autoscaler" heading="The autoscaler against Terraform">
            <p>
                {lab.name(cloud_lab_model::vocabulary::Service::Autoscaling)}
                " sets the service's task count as load moves: a 9,000 req/s burst takes it from 4 to 8. "
                "That change is made outside Terraform, so the next plan reports it as drift and would set the count back to 4 — "
                "scaling PhotoShare in during the very burst the autoscaler was answering."
            </p>
            <div class="actions">
                <button data-testid="autoscaler-burst" prop:disabled=move || params.with(|p| p.clicks.len() >= MAX_CLICKS)
                    on:click=move |_| params.update(|p| if p.clicks.len() < MAX_CLICKS { p.clicks.push(ConsoleClick::AutoscalerScalesOut) })>
                    {ConsoleClick::AutoscalerScalesOut.label()}
                </button>
                <Toggle params field=IacDriftParams::IGNORE/>
            </div>
            <p class="figure-line">
                "Configured: "<strong data-testid="configured-count">{move || count(configured())}</strong>" tasks "
                {page.badge(&IacDrift::DESIRED_COUNT)}
                " · running: "<strong data-testid="running-count">{move || count(running())}</strong>" tasks"
            </p>
            <p class="policy" role="status" data-testid="autoscaler-status">{status}</p>
            <p class="note">
                <code>"ignore_changes"</code>" exists for attributes that something else owns after creation: an autoscaler's task count, "
                "tags a billing tool adds, a password rotated by the provider. Terraform sets the value once, when it creates the "
                "resource, and from then on leaves changes to it alone. Everything else on the resource is still put back."
            </p>
        </Section>
    }
}

#[component]
fn Locking(page: Page<IacDrift>) -> impl IntoView {
    let Page { params, outcome } = page;
    // The slider's track covers ten minutes; its number field takes the link's whole hour.
    let travel = (0.0, 600.0);
    let lock: Outcome<LockOutcome> = Memo::new(move |_| {
        outcome.with(|o| match o {
            Ok(o) => params.with(|p| p.lock_outcome(&o.config)),
            Err(problems) => Err(problems.clone()),
        })
    });
    // The log's rows are kept by their place and bound to their texts: a slider moves a few.
    let rows = Signal::derive(move || lock.with(|l| l.as_ref().map_or(0, |l| l.log.len())));
    let row = move |i: usize| {
        let cell = move |f: fn(&(u32, String, String)) -> String| {
            text_of(lock, move |l| l.log.get(i).map(f))
        };
        view! {
            <tr><td>{cell(|(t, _, _)| format!("{t} s"))}</td><td>{cell(|(_, who, _)| who.clone())}</td><td>{cell(|(_, _, what)| what.clone())}</td></tr>
        }
        .into_any()
    };
    let second = move || lock.with(|l| l.as_ref().ok().map(|l| l.second.clone()));
    let error = Signal::derive(move || match second() {
        Some(SecondApply::Failed { error }) => error,
        _ => String::new(),
    });
    let any_error = Memo::new(move |_| !error.with(String::is_empty));
    let verdict = move || {
        match second() {
        Some(SecondApply::Failed { .. }) => "The second apply stops at once with an error: the state is safe, and it can be run again after the first.".to_string(),
        Some(SecondApply::Ran { waited_s: 0 }) => "The first apply had finished: the second took the free lock and ran.".to_string(),
        Some(SecondApply::Ran { waited_s }) => format!("With -lock-timeout the second apply waited {waited_s} s for the lock, then read the new state and ran."),
        Some(SecondApply::RanUnlocked) => "No lock table: both applies ran and the last write of the state won. Remove the lock and this is what teams get.".to_string(),
        None => String::new(),
    }
    };
    view! {
        <Results invalid=Signal::derive(move || lock.with(|l| l.is_err())) heading="Two applies at once: the state lock" id="lock">
            <p>
                "The state file lives in a shared bucket. Before writing it, "<code>"terraform apply"</code>
                " writes a lock row to a DynamoDB table with a condition: only if no row is there. "
                "Alice applies from her laptop; Bob's CI job starts an apply while hers is running."
            </p>
            <div class="choices">
                <Slider params field=IacDriftParams::APPLY_S travel/>
                <Slider params field=IacDriftParams::SECOND_AT travel/>
                <Slider params field=IacDriftParams::LOCK_TIMEOUT travel/>
            </div>
            {problems_view(lock)}
            <table class="lock-log" data-testid="lock-log">
                <caption>"What happens, second by second"</caption>
                <thead><tr><th scope="col">"at"</th><th scope="col">"who"</th><th scope="col">"what"</th></tr></thead>
                <tbody>
                    {indexed(rows, Callback::new(row))}
                </tbody>
            </table>
            <p class="policy" role="status" data-testid="lock-verdict">{verdict}</p>
            {move || any_error.get().then(|| view! {
                <Terminal text=error testid="lock-error" label="Bob's terraform apply output"/>
            })}
        </Results>
    }
}

#[component]
fn About() -> impl IntoView {
    view! {
        <Section id="about" heading="How the lab reads the configuration">
            <p>
                "The text is parsed as real HCL by the "<code>"hcl-edit"</code>" crate, so syntax errors "
                "carry Terraform-like positions; a reference to an undeclared resource or module, and a cycle, are refused as "
                "Terraform refuses them. The lab does not run Terraform: a simulated provider assigns IDs (stand-ins), and which "
                "attribute changes force a replacement comes from a table read from the AWS provider's documentation and source. "
                "The lab's objects hold the arguments written in the configuration plus "<code>"id"</code>" and "<code>"arn"</code>
                ", so the counts of hidden attributes are of those; a real plan lists more attributes the provider computes."
            </p>
            <p>
                "The parser has a price: it is a download of its own, about 67 KB over the wire with brotli (hcl-edit and its "
                "parser library), which this page fetches only when you first edit the text (PhotoShare's own two texts come "
                "already read), and which the rest of the lab never waits for."
            </p>
        </Section>
    }
}
