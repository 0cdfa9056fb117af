//! PhotoShare's Terraform (§2, §3): each console click's exact plan, apply, locking and ignore_changes;
//! values a replacement makes unknown, what AWS refuses at apply, RDS's maintenance window, and
//! which drift a normal plan reports.

use cloud_lab_model::iac_drift::*;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::photoshare;

const UPDATE_HEADER: &str =
    "Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  ~ update in-place

Terraform will perform the following actions:

";

const NO_CHANGES_TEXT: &str = "No changes. Your infrastructure matches the configuration.

Terraform has compared your real infrastructure against your configuration
and found no differences, so no changes are needed.
";

fn photoshare() -> Config {
    parse_config(PHOTOSHARE_TF).expect("the worked example's configuration parses")
}

fn after_click(c: ConsoleClick) -> (Config, World) {
    let config = photoshare();
    let mut world = World::deployed(&config);
    click(&mut world, c);
    (config, world)
}

#[test]
fn the_worked_example_configuration_parses_with_its_values() {
    let c = photoshare();
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(c.required_version.as_deref(), Some(">= 1.6.0"));
    let b = c.backend.as_ref().unwrap();
    assert_eq!(b.kind, "s3");
    assert_eq!(b.state_path(), "photoshare-tfstate/prod/terraform.tfstate");
    assert_eq!(b.region.as_deref(), Some("eu-west-1"));
    assert_eq!(b.dynamodb_table.as_deref(), Some("tf-locks"));
    assert_eq!(c.providers, ["aws"]);
    assert_eq!(c.modules, ["vpc"]);
    let addresses: Vec<&str> = c.resources.keys().map(String::as_str).collect();
    assert_eq!(
        addresses,
        [
            "aws_appautoscaling_policy.cpu",
            "aws_appautoscaling_target.app",
            "aws_db_instance.pg",
            "aws_ecs_cluster.main",
            "aws_ecs_service.app",
            "aws_ecs_task_definition.app",
            "aws_elasticache_replication_group.redis",
            "aws_lb.app",
            "aws_lb_target_group.app",
            "aws_s3_bucket.uploads",
            "aws_s3_bucket_versioning.uploads",
            "aws_security_group.alb",
            "aws_security_group.app",
        ]
    );
    let attr = |address: &str, key: &str| c.resources[address].body.attributes[key].clone();
    let n = |x: u32| Value::Number(f64::from(x));
    assert_eq!(
        attr("aws_ecs_service.app", "desired_count"),
        n(photoshare::BASELINE_DESIRED_COUNT)
    );
    assert_eq!(
        attr("aws_appautoscaling_target.app", "min_capacity"),
        n(photoshare::MIN_TASKS)
    );
    assert_eq!(
        attr("aws_appautoscaling_target.app", "max_capacity"),
        n(photoshare::MAX_TASKS)
    );
    assert_eq!(attr("aws_db_instance.pg", "multi_az"), Value::Bool(true));
    assert_eq!(
        attr("aws_db_instance.pg", "instance_class"),
        Value::Str("db.r6g.large".into())
    );
    assert_eq!(
        attr("aws_db_instance.pg", "allocated_storage"),
        Value::Number(100.0)
    );
    assert_eq!(
        attr(
            "aws_elasticache_replication_group.redis",
            "num_cache_clusters"
        ),
        n(2)
    );
    assert_eq!(
        attr("aws_ecs_service.app", "cluster"),
        Value::Expr("aws_ecs_cluster.main.id".into())
    );
    let hc = &c.resources["aws_lb_target_group.app"].body.blocks["health_check"][0].attributes;
    let h = photoshare::HEALTH_CHECK;
    assert_eq!(hc["path"], Value::Str(photoshare::HEALTH_CHECK_PATH.into()));
    assert_eq!(hc["interval"], n(h.interval_s));
    assert_eq!(hc["timeout"], n(h.timeout_s));
    assert_eq!(hc["healthy_threshold"], n(h.healthy_threshold));
    assert_eq!(hc["unhealthy_threshold"], n(h.unhealthy_threshold));
    let policy = &c.resources["aws_appautoscaling_policy.cpu"].body.blocks
        ["target_tracking_scaling_policy_configuration"][0];
    assert_eq!(
        policy.attributes["target_value"],
        Value::Number(photoshare::CPU_TARGET * 100.0)
    );
    assert_eq!(
        policy.attributes["scale_out_cooldown"],
        n(photoshare::SCALE_OUT_COOLDOWN_S)
    );
    assert_eq!(
        policy.attributes["scale_in_cooldown"],
        n(photoshare::SCALE_IN_COOLDOWN_S)
    );
    assert!(c.resources.values().all(|r| r.ignore_changes.is_empty()));
}

#[test]
fn a_fresh_deploy_plans_no_changes() {
    let config = photoshare();
    let world = World::deployed(&config);
    assert_eq!(world.state, world.actual);
    assert_eq!(world.actual.len(), 13);
    let p = plan(&config, &world);
    assert!(p.changes.is_empty());
    assert_eq!(p.text, NO_CHANGES_TEXT);
    assert!(refresh(&config, &world).drift.is_empty());
}

#[test]
fn each_console_click_gives_its_exact_plan() {
    let db = |line: &str| {
        format!(
            "  # aws_db_instance.pg will be updated in-place
  ~ resource \"aws_db_instance\" \"pg\" {{
{line}
    }}
"
        )
    };
    let service = |from: u32| {
        format!(
            "  # aws_ecs_service.app will be updated in-place
  ~ resource \"aws_ecs_service\" \"app\" {{
      ~ desired_count   = {from} -> 4
        id              = \"arn:aws:ecs:eu-west-1:123456789012:service/main/photoshare\"
        name            = \"photoshare\"
        # (3 unchanged attributes hidden)

        # (2 unchanged blocks hidden)
    }}
"
        )
    };
    let rows: Vec<(ConsoleClick, String)> = vec![
        (ConsoleClick::SetDesiredCount, service(6)),
        (ConsoleClick::AutoscalerScalesOut, service(8)),
        (
            ConsoleClick::OpenSshPort,
            // The AWS provider keeps `ingress` as an attribute (a set of objects written as
            // blocks): the plan removes one element of it, not a block.
            "  # aws_security_group.app will be updated in-place
  ~ resource \"aws_security_group\" \"app\" {
        id          = \"sg-05c9e3d0317c0eca0\"
      ~ ingress     = [
          - {
              - cidr_blocks = [
                  - \"0.0.0.0/0\",
                ]
              - from_port   = 22
              - protocol    = \"tcp\"
              - to_port     = 22
            },
            # (1 unchanged element hidden)
        ]
        name        = \"photoshare-app\"
        # (2 unchanged attributes hidden)
    }
"
            .into(),
        ),
        (
            ConsoleClick::MultiAzOff,
            db(
                "        id                          = \"db-AD3F36CB30D16C93AD3F36CB30\"
      ~ multi_az                    = false -> true
        # (10 unchanged attributes hidden)",
            ),
        ),
        (
            ConsoleClick::SuspendVersioning,
            "  # aws_s3_bucket_versioning.uploads will be updated in-place
  ~ resource \"aws_s3_bucket_versioning\" \"uploads\" {
        id     = \"photoshare-user-uploads\"
        # (1 unchanged attribute hidden)

      ~ versioning_configuration {
          ~ status = \"Suspended\" -> \"Enabled\"
        }
    }
"
            .into(),
        ),
        (
            ConsoleClick::ResizeDatabase,
            db(
                "        id                          = \"db-AD3F36CB30D16C93AD3F36CB30\"
      ~ instance_class              = \"db.r6g.xlarge\" -> \"db.r6g.large\"
        # (10 unchanged attributes hidden)",
            ),
        ),
        (
            ConsoleClick::UpgradeEngine,
            db("      ~ engine_version              = \"16.4\" -> \"16.3\"
        id                          = \"db-AD3F36CB30D16C93AD3F36CB30\"
        # (10 unchanged attributes hidden)"),
        ),
        (
            ConsoleClick::DeleteRedisReplica,
            "  # aws_elasticache_replication_group.redis will be updated in-place
  ~ resource \"aws_elasticache_replication_group\" \"redis\" {
      ~ automatic_failover_enabled = false -> true
        id                         = \"photoshare-redis\"
      ~ num_cache_clusters         = 1 -> 2
        # (3 unchanged attributes hidden)
    }
"
            .into(),
        ),
    ];
    for (c, block) in rows {
        let (config, world) = after_click(c);
        let p = plan(&config, &world);
        let want = format!("{UPDATE_HEADER}{block}\nPlan: 0 to add, 1 to change, 0 to destroy.\n");
        assert_eq!(p.text, want, "{}", c.slug());
        assert_eq!(
            p.summary,
            Summary {
                add: 0,
                change: 1,
                destroy: 0
            },
            "{}",
            c.slug()
        );
        assert_eq!(p.changes[0].address, c.target().unwrap());
    }
}

#[test]
fn a_deleted_policy_is_created_again() {
    let (config, world) = after_click(ConsoleClick::DeleteScalingPolicy);
    let p = plan(&config, &world);
    assert_eq!(
        p.text,
        "Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  + create

Terraform will perform the following actions:

  # aws_appautoscaling_policy.cpu will be created
  + resource \"aws_appautoscaling_policy\" \"cpu\" {
      + arn                = (known after apply)
      + id                 = (known after apply)
      + name               = \"track-cpu-60\"
      + policy_type        = \"TargetTrackingScaling\"
      + resource_id        = \"service/main/photoshare\"
      + scalable_dimension = \"ecs:service:DesiredCount\"
      + service_namespace  = \"ecs\"

      + target_tracking_scaling_policy_configuration {
          + scale_in_cooldown  = 300
          + scale_out_cooldown = 60
          + target_value       = 60

          + predefined_metric_specification {
              + predefined_metric_type = \"ECSServiceAverageCPUUtilization\"
            }
        }
    }

Plan: 1 to add, 0 to change, 0 to destroy.
"
    );
    let r = refresh(&config, &world);
    assert_eq!(
        r.drift,
        [Drift {
            address: "aws_appautoscaling_policy.cpu".into(),
            changed: None
        }]
    );
    assert!(r
        .text
        .contains("  # aws_appautoscaling_policy.cpu has been deleted\n  - resource"));
}

#[test]
fn an_instance_made_by_hand_is_not_in_the_plan_but_is_in_the_inventory() {
    let (config, world) = after_click(ConsoleClick::LaunchUntaggedInstance);
    assert_eq!(plan(&config, &world).text, NO_CHANGES_TEXT);
    let r = refresh(&config, &world);
    assert!(
        r.text
            .starts_with("No changes. Your infrastructure still matches the configuration."),
        "Terraform itself reports nothing"
    );
    assert_eq!(r.unmanaged.len(), 1);
    assert!(r.unmanaged_text.starts_with("Not managed by Terraform"));
    assert!(
        r.unmanaged_text.contains("aws_instance i-0")
            && r.unmanaged_text.contains("t3.large, no tags")
    );
}

#[test]
fn refresh_only_uses_terraforms_words_and_shows_the_drift_direction() {
    let (config, world) = after_click(ConsoleClick::MultiAzOff);
    let r = refresh(&config, &world);
    assert_eq!(
        r.text,
        "Note: Objects have changed outside of Terraform

Terraform detected the following changes made outside of Terraform since the
last \"terraform apply\" which may have affected this plan:

  # aws_db_instance.pg has changed
  ~ resource \"aws_db_instance\" \"pg\" {
        id                          = \"db-AD3F36CB30D16C93AD3F36CB30\"
      ~ multi_az                    = true -> false
        # (10 unchanged attributes hidden)
    }


This is a refresh-only plan, so Terraform will not take any actions to undo
these. If you were expecting these changes then you can apply this plan to
record the updated values in the Terraform state without changing any remote
objects.
"
    );
    assert_eq!(
        r.drift,
        [Drift {
            address: "aws_db_instance.pg".into(),
            changed: Some(vec!["multi_az".into()])
        }]
    );
    let fresh = World::deployed(&config);
    assert_eq!(
        refresh(&config, &fresh).text,
        "No changes. Your infrastructure still matches the configuration.

Terraform has checked that the real remote objects still match the result of
your most recent changes, and found no differences.
"
    );
}

#[test]
fn every_click_at_once_then_apply_stops_only_at_the_engine_downgrade() {
    let config = photoshare();
    let mut world = World::deployed(&config);
    for c in ConsoleClick::ALL {
        click(&mut world, c);
    }
    let p = plan(&config, &world);
    // service, SG, DB (three attributes in one update), versioning, Redis: 5 changes; the policy: 1 add.
    assert_eq!(
        p.summary.plan_line(),
        "Plan: 1 to add, 5 to change, 0 to destroy."
    );
    let applied = apply(&config, &mut world);
    assert_eq!(applied.complete_line, None, "RDS refuses 16.4 -> 16.3");
    assert_eq!(applied.failures.len(), 1);
    assert_eq!(applied.failures[0].address, "aws_db_instance.pg");
    let order: Vec<(&str, bool)> = applied
        .steps
        .iter()
        .map(|s| (s.address.as_str(), s.finished.is_some()))
        .collect();
    assert_eq!(
        order,
        [
            ("aws_appautoscaling_policy.cpu", true),
            ("aws_db_instance.pg", false),
            ("aws_elasticache_replication_group.redis", true),
            ("aws_s3_bucket_versioning.uploads", true),
            ("aws_security_group.app", true),
            // The service refers to the app's security group: it goes after it.
            ("aws_ecs_service.app", true),
        ]
    );
    assert_eq!(
        applied.summary,
        Summary {
            add: 1,
            change: 4,
            destroy: 0
        }
    );
    assert!(applied
        .note
        .starts_with("The apply stopped at aws_db_instance.pg"));
    assert!(applied
        .note
        .contains("The changes made in the console are gone"));
    assert!(applied.note.contains("still running"));
    // Only the database is left, with all three of its changes: RDS made none of them.
    let after = plan(&config, &world);
    assert_eq!(
        after.text,
        format!(
            "{UPDATE_HEADER}  # aws_db_instance.pg will be updated in-place
  ~ resource \"aws_db_instance\" \"pg\" {{
      ~ engine_version              = \"16.4\" -> \"16.3\"
        id                          = \"db-AD3F36CB30D16C93AD3F36CB30\"
      ~ instance_class              = \"db.r6g.xlarge\" -> \"db.r6g.large\"
      ~ multi_az                    = false -> true
        # (8 unchanged attributes hidden)
    }}

Plan: 0 to add, 1 to change, 0 to destroy.
"
        )
    );
}

#[test]
fn a_replacement_makes_what_refers_to_it_change_too() {
    let config = photoshare();
    let mut world = World::deployed(&config);
    let edited =
        parse_config(&PHOTOSHARE_TF.replace("port        = 8080", "port        = 8081")).unwrap();
    let p = plan(&edited, &world);
    let tg = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/photoshare-tg/92f5a5e40426db05";
    // The new target group's ARN is unknown until it exists, so the service that refers to
    // it changes too: its load_balancer set loses the old element and gains one with
    // (known after apply).
    assert_eq!(
        p.text,
        format!(
            "Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  ~ update in-place
-/+ destroy and then create replacement

Terraform will perform the following actions:

  # aws_ecs_service.app will be updated in-place
  ~ resource \"aws_ecs_service\" \"app\" {{
        id              = \"arn:aws:ecs:eu-west-1:123456789012:service/main/photoshare\"
        name            = \"photoshare\"
        # (4 unchanged attributes hidden)

      - load_balancer {{
          - container_name   = \"web\" -> null
          - container_port   = 8080 -> null
          - target_group_arn = \"{tg}\" -> null
        }}
      + load_balancer {{
          + container_name   = \"web\"
          + container_port   = 8080
          + target_group_arn = (known after apply)
        }}

        # (1 unchanged block hidden)
    }}

  # aws_lb_target_group.app must be replaced
-/+ resource \"aws_lb_target_group\" \"app\" {{
      ~ arn         = \"{tg}\" -> (known after apply)
      ~ id          = \"{tg}\" -> (known after apply)
        name        = \"photoshare-tg\"
      ~ port        = 8080 -> 8081 # forces replacement
        # (3 unchanged attributes hidden)

        # (1 unchanged block hidden)
    }}

Plan: 1 to add, 1 to change, 1 to destroy.
"
        )
    );
    assert_eq!(p.changes[1].forcing, ["port"]);
    assert_eq!(p.changes[0].changed, ["load_balancer"]);
    let applied = apply(&edited, &mut world);
    let steps: Vec<(&str, StepAction)> = applied
        .steps
        .iter()
        .map(|s| (s.address.as_str(), s.action))
        .collect();
    assert_eq!(
        steps,
        [
            ("aws_lb_target_group.app", StepAction::Destroy),
            ("aws_lb_target_group.app", StepAction::Create),
            ("aws_ecs_service.app", StepAction::Update),
        ]
    );
    assert_eq!(
        applied.complete_line.as_deref(),
        Some("Apply complete! Resources: 1 added, 1 changed, 1 destroyed.")
    );
    let new_tg = world.actual["aws_lb_target_group.app"].id.clone();
    assert_ne!(new_tg, tg, "a replacement gets a new ID");
    let service = &world.actual["aws_ecs_service.app"].body.blocks["load_balancer"][0];
    assert_eq!(
        service.attributes["target_group_arn"],
        Value::Str(new_tg),
        "the service now points at the new target group"
    );
    assert_eq!(plan(&edited, &world).text, NO_CHANGES_TEXT);

    // A new task definition revision: its ARN is unknown, so the service is updated as well.
    let config = photoshare();
    let world = World::deployed(&config);
    let bigger = parse_config(&PHOTOSHARE_TF.replace(
        "cpu                      = 1024",
        "cpu                      = 2048",
    ))
    .unwrap();
    let p = plan(&bigger, &world);
    assert_eq!(
        p.summary.plan_line(),
        "Plan: 1 to add, 1 to change, 1 to destroy."
    );
    assert!(p.text.contains(
        "      ~ task_definition = \"arn:aws:ecs:eu-west-1:123456789012:task-definition/photoshare:6\" -> (known after apply)\n"
    ), "{}", p.text);
}

#[test]
fn schema_rows_from_the_provider_docs() {
    for (t, a, new) in [
        ("aws_db_instance", "engine_version", false),
        // Provider 5.x renames a database in place (ModifyDBInstance); its ID is the resource ID.
        ("aws_db_instance", "identifier", false),
        ("aws_db_instance", "username", true),
        ("aws_db_instance", "storage_encrypted", true),
        (
            "aws_elasticache_replication_group",
            "num_cache_clusters",
            false,
        ),
        ("aws_s3_bucket", "bucket", true),
        ("aws_lb", "name", true),
        ("aws_lb_target_group", "port", true),
        ("aws_lb_target_group", "protocol", true),
        ("aws_lb_target_group", "vpc_id", true),
        ("aws_ecs_service", "desired_count", false),
        ("aws_ecs_service", "load_balancer", false),
        ("aws_security_group", "description", true),
        ("aws_security_group", "ingress", false),
        ("aws_ecs_task_definition", "cpu", true),
        ("aws_unknown_thing", "anything", false),
    ] {
        assert_eq!(forces_replacement(t, a), new, "{t}.{a}");
    }
}

#[test]
fn removing_a_resource_from_the_configuration_destroys_it() {
    let config = photoshare();
    let world = World::deployed(&config);
    let start = PHOTOSHARE_TF
        .find("resource \"aws_s3_bucket_versioning\"")
        .unwrap();
    let end = start + PHOTOSHARE_TF[start..].find("\n}\n").unwrap() + 3;
    let edited = parse_config(&format!(
        "{}{}",
        &PHOTOSHARE_TF[..start],
        &PHOTOSHARE_TF[end..]
    ))
    .unwrap();
    let p = plan(&edited, &world);
    assert_eq!(
        p.summary.plan_line(),
        "Plan: 0 to add, 0 to change, 1 to destroy."
    );
    assert!(
        p.text.contains(
            "  # aws_s3_bucket_versioning.uploads will be destroyed
  # (because aws_s3_bucket_versioning.uploads is not in configuration)
  - resource \"aws_s3_bucket_versioning\" \"uploads\" {
      - bucket = \"photoshare-user-uploads\" -> null
      - id     = \"photoshare-user-uploads\" -> null

      - versioning_configuration {
          - status = \"Enabled\" -> null
        }
    }
"
        ),
        "{}",
        p.text
    );
}

#[test]
fn terraform_fights_the_autoscaler_unless_told_to_ignore_desired_count() {
    let (config, world) = after_click(ConsoleClick::AutoscalerScalesOut);
    let p = plan(&config, &world);
    assert!(p.text.contains("      ~ desired_count   = 8 -> 4\n"));

    let ignoring = parse_config(&config_text(ConfigVariant::IgnoreDesiredCount)).unwrap();
    assert_eq!(
        ignoring.resources["aws_ecs_service.app"].ignore_changes,
        ["desired_count"]
    );
    let mut world = World::deployed(&ignoring);
    click(&mut world, ConsoleClick::AutoscalerScalesOut);
    assert_eq!(plan(&ignoring, &world).text, NO_CHANGES_TEXT);
    // -refresh-only still reports the change: ignore_changes keeps it out of the plan only.
    let r = refresh(&ignoring, &world);
    assert!(
        r.text.contains("      ~ desired_count   = 4 -> 8\n"),
        "{}",
        r.text
    );
    assert!(r.text.contains("This is a refresh-only plan"));
    assert_eq!(
        r.ignored,
        [(
            "aws_ecs_service.app".to_string(),
            "desired_count".to_string()
        )]
    );
    // Other drift on the same configuration is still reverted.
    click(&mut world, ConsoleClick::SetDesiredCount);
    click(&mut world, ConsoleClick::MultiAzOff);
    let applied = apply(&ignoring, &mut world);
    assert_eq!(
        applied.complete_line.as_deref(),
        Some("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.")
    );
    assert!(applied
        .note
        .contains("desired_count keeps the value set outside Terraform"));
    let service = &world.actual["aws_ecs_service.app"].body.attributes["desired_count"];
    assert_eq!(
        *service,
        Value::Number(6.0),
        "the hand-set count survives: it is ignored"
    );
}

#[test]
fn the_second_apply_cannot_take_the_lock() {
    let o = concurrent_applies(&photoshare(), &LockScenario::default());
    let SecondApply::Failed { error } = &o.second else {
        panic!("expected a lock error, got {:?}", o.second);
    };
    assert!(error.starts_with("╷\n│ Error: Error acquiring the state lock\n│\n"));
    assert!(error.contains("│   Path:      photoshare-tfstate/prod/terraform.tfstate\n"));
    assert!(error.contains("│   Who:       alice@laptop\n"));
    assert!(error.contains("│   Operation: OperationTypeApply\n"));
    assert!(error.ends_with("│ flag, but this is not recommended.\n╵\n"));
    assert_eq!(
        o.log.iter().map(|l| l.0).collect::<Vec<_>>(),
        [0, 0, 30, 30, 120]
    );
}

#[test]
fn a_lock_timeout_waits_for_the_first_apply() {
    let config = photoshare();
    let wait = |timeout| {
        concurrent_applies(
            &config,
            &LockScenario {
                lock_timeout_s: timeout,
                ..Default::default()
            },
        )
        .second
    };
    assert_eq!(wait(300), SecondApply::Ran { waited_s: 90 });
    assert_eq!(wait(90), SecondApply::Ran { waited_s: 90 });
    assert!(matches!(wait(89), SecondApply::Failed { .. }));
    let later = LockScenario {
        second_starts_after_s: 200,
        ..Default::default()
    };
    assert_eq!(
        concurrent_applies(&config, &later).second,
        SecondApply::Ran { waited_s: 0 }
    );
    let unlocked =
        parse_config(&PHOTOSHARE_TF.replace("    dynamodb_table = \"tf-locks\"\n", "")).unwrap();
    assert_eq!(
        concurrent_applies(&unlocked, &LockScenario::default()).second,
        SecondApply::RanUnlocked
    );
}

#[test]
fn the_lock_table_grants_one_holder() {
    let info = |who: &str| LockInfo {
        id: who.into(),
        path: "p".into(),
        operation: "OperationTypeApply".into(),
        who: who.into(),
        version: "1.6.6".into(),
        created: String::new(),
    };
    let mut lock = StateLock::default();
    assert_eq!(lock.acquire(info("a")), Ok(()));
    assert_eq!(lock.acquire(info("b")), Err(Box::new(info("a"))));
    lock.release();
    assert_eq!(lock.acquire(info("b")), Ok(()));
}

#[test]
fn malformed_hcl_reports_a_position() {
    let rows = [
        ("resource \"a\" {\n  x = = 1\n}", 2, 7),
        ("resource \"a\" \"b\" {}\nresource \"a\" \"b\" {}", 2, 1),
        ("resource \"aws_lb\" {\n}", 1, 1),
        ("region = \"eu-west-1\"\n", 1, 1),
        ("\n\nbogus \"x\" {}\n", 3, 1),
    ];
    for (text, line, column) in rows {
        let e = parse_config(text).unwrap_err();
        assert_eq!((e.line, e.column), (line, column), "{text:?}: {e}");
        assert!(!e.message.is_empty());
    }
    let broken = PHOTOSHARE_TF.replace("desired_count   = 4", "desired_count   = ");
    let e = parse_config(&broken).unwrap_err();
    let line = PHOTOSHARE_TF
        .lines()
        .position(|l| l.contains("desired_count   = 4"))
        .unwrap()
        + 1;
    assert_eq!(e.line, line, "{e}");
}

#[test]
fn default_outcome_and_link_round_trip() {
    let o = evaluate(&IacDriftParams::default()).unwrap();
    assert_eq!(o.plan.text, NO_CHANGES_TEXT);
    assert!(matches!(o.lock.second, SecondApply::Failed { .. }));
    let p = IacDriftParams {
        clicks: vec![ConsoleClick::SetDesiredCount, ConsoleClick::MultiAzOff],
        config: ConfigVariant::IgnoreDesiredCount,
        lock: LockScenario {
            lock_timeout_s: 300,
            ..Default::default()
        },
        ..Default::default()
    };
    let q = p.to_query();
    assert_eq!(
        q,
        "clicks=desired_count%2Cmulti_az_off&ignore=1&lock_timeout=300"
    );
    let (back, ignored) = IacDriftParams::from_query(&Query::parse(&q));
    assert_eq!(back, p);
    assert!(ignored.is_empty());
    assert_eq!(IacDriftParams::default().to_query(), "");
    let o = evaluate(&p).unwrap();
    assert_eq!(
        o.plan.summary.plan_line(),
        "Plan: 0 to add, 1 to change, 0 to destroy."
    );
    // RDS holds multi_az for the maintenance window: the plan after apply still shows it.
    assert_eq!(
        o.plan_after_apply.summary.plan_line(),
        "Plan: 0 to add, 1 to change, 0 to destroy."
    );
    assert_eq!(o.plan_after_apply.changes[0].changed, ["multi_az"]);
    assert_eq!(o.click_notes.len(), 2);
}

#[test]
fn typed_text_that_breaks_keeps_the_last_good_configuration() {
    let mut p = IacDriftParams::default();
    let five = PHOTOSHARE_TF.replace("desired_count   = 4", "desired_count   = 5");
    p.type_config(five.clone());
    let o = evaluate(&p).unwrap();
    assert_eq!(o.parse_error, None);
    assert!(o.plan.text.contains("      ~ desired_count   = 4 -> 5\n"));
    // Half-typed: the error has a position, and the plan still uses the 5.
    p.type_config(five.replace("desired_count   = 5", "desired_count   = "));
    let o = evaluate(&p).unwrap();
    let e = o.parse_error.expect("a parse error");
    assert!(e.line > 1 && e.column > 1 && !e.message.is_empty(), "{e}");
    assert!(o
        .config_text
        .contains("desired_count   =  # the starting point"));
    assert!(o.plan.text.contains("      ~ desired_count   = 4 -> 5\n"));
    // Typing the worked example's text back ends the edit.
    p.type_config(PHOTOSHARE_TF.to_string());
    assert_eq!(p.edit, None);
    assert_eq!(evaluate(&p).unwrap().plan.text, NO_CHANGES_TEXT);
}

#[test]
fn the_variant_switch_keeps_typed_text() {
    let mut p = IacDriftParams::default();
    p.type_config(PHOTOSHARE_TF.replace("desired_count   = 4", "desired_count   = 5"));
    p.set_variant(ConfigVariant::IgnoreDesiredCount);
    let text = p.text();
    assert!(
        text.contains("desired_count   = 5") && text.contains("ignore_changes = [desired_count]")
    );
    // desired_count is ignored now: the typed 5 is not applied to the running service.
    assert_eq!(evaluate(&p).unwrap().plan.text, NO_CHANGES_TEXT);
    p.set_variant(ConfigVariant::WorkedExample);
    assert!(!p.text().contains("ignore_changes"));
    assert!(p.text().contains("desired_count   = 5"));
    // Without an edit the switch is just the variant.
    let mut q = IacDriftParams::default();
    q.set_variant(ConfigVariant::IgnoreDesiredCount);
    assert_eq!(q.edit, None);
    assert_eq!(q.text(), config_text(ConfigVariant::IgnoreDesiredCount));
}

#[test]
fn an_apply_in_the_page_undoes_the_clicks_and_later_clicks_start_from_it() {
    let mut p = IacDriftParams {
        clicks: vec![
            ConsoleClick::SuspendVersioning,
            ConsoleClick::LaunchUntaggedInstance,
        ],
        ..Default::default()
    };
    let before = evaluate(&p).unwrap();
    p.record_apply();
    assert!(p.clicks.is_empty());
    let o = evaluate(&p).unwrap();
    assert_eq!(o.plan.text, NO_CHANGES_TEXT);
    assert!(o.refresh.drift.is_empty());
    let last = o.last_apply.expect("the apply's log");
    assert_eq!(last, before.applied);
    assert_eq!(
        last.complete_line.as_deref(),
        Some("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.")
    );
    assert!(last
        .note
        .starts_with("The changes made in the console are gone"));
    assert_eq!(
        o.refresh.unmanaged.len(),
        1,
        "the hand-made instance is still there"
    );
    // The next click is made on the applied account.
    p.clicks.push(ConsoleClick::OpenSshPort);
    let o = evaluate(&p).unwrap();
    assert_eq!(
        o.plan.summary.plan_line(),
        "Plan: 0 to add, 1 to change, 0 to destroy."
    );
    assert_eq!(o.plan.changes[0].address, "aws_security_group.app");
}

#[test]
fn an_applied_edit_is_the_new_baseline() {
    let mut p = IacDriftParams::default();
    p.type_config(PHOTOSHARE_TF.replace("port        = 8080", "port        = 8081"));
    assert_eq!(
        evaluate(&p).unwrap().plan.summary.plan_line(),
        "Plan: 1 to add, 1 to change, 1 to destroy."
    );
    p.record_apply();
    assert_eq!(evaluate(&p).unwrap().plan.text, NO_CHANGES_TEXT);
    // Typing the original back is now a change again.
    p.type_config(PHOTOSHARE_TF.to_string());
    assert_eq!(
        evaluate(&p).unwrap().plan.summary.plan_line(),
        "Plan: 1 to add, 1 to change, 1 to destroy."
    );
}

#[test]
fn every_console_click_names_a_service_but_the_hand_made_vm() {
    for c in ConsoleClick::ALL {
        assert_eq!(
            c.service().is_none(),
            c == ConsoleClick::LaunchUntaggedInstance,
            "{}",
            c.slug()
        );
    }
}

#[test]
fn the_task_count_fight_in_numbers() {
    let mut p = IacDriftParams {
        clicks: vec![ConsoleClick::AutoscalerScalesOut],
        ..Default::default()
    };
    let t = evaluate(&p).unwrap().task_count;
    assert_eq!(
        t,
        TaskCount {
            configured: Some(4.0),
            running: Some(8.0),
            reverted: true,
            ignored: false
        }
    );
    p.set_variant(ConfigVariant::IgnoreDesiredCount);
    let t = evaluate(&p).unwrap().task_count;
    assert_eq!((t.running, t.reverted, t.ignored), (Some(8.0), false, true));
}

/// PhotoShare's configuration with `old` replaced by `new` (which must be in it).
fn edited(old: &str, new: &str) -> Config {
    assert!(PHOTOSHARE_TF.contains(old), "{old}");
    parse_config(&PHOTOSHARE_TF.replace(old, new)).expect("the edit parses")
}

/// The database block's last line, to add arguments after it.
const DB_LAST: &str = "  deletion_protection         = true\n";

#[test]
fn rds_refuses_an_engine_downgrade_and_apply_stops_there() {
    let (config, mut world) = after_click(ConsoleClick::UpgradeEngine);
    let applied = apply(&config, &mut world);
    assert_eq!(
        applied.log(applied.steps.len()),
        "aws_db_instance.pg: Modifying... [id=db-AD3F36CB30D16C93AD3F36CB30]
╷
│ Error: updating RDS DB Instance (photoshare-pg): operation error RDS: ModifyDBInstance, https response error StatusCode: 400, RequestID: 6d49deba-8465-f371-ef34-0bbb89162f55, api error InvalidParameterCombination: Cannot upgrade postgres from 16.4 to 16.3
│
│   with aws_db_instance.pg,
│   on main.tf line 123, in resource \"aws_db_instance\" \"pg\":
│  123: resource \"aws_db_instance\" \"pg\" {
│
╵
"
    );
    let line = PHOTOSHARE_TF
        .lines()
        .position(|l| l == "resource \"aws_db_instance\" \"pg\" {")
        .unwrap()
        + 1;
    assert_eq!(line, 123, "the error points at the database's block");
    assert_eq!(applied.complete_line, None);
    let f = &applied.failures[0];
    assert!(f.left.contains("still runs 16.4"), "{}", f.left);
    assert!(f.fix.contains("engine_version = \"16.4\""), "{}", f.fix);
    // Nothing changed: the next plan asks for the same downgrade.
    assert!(plan(&config, &world)
        .text
        .contains("      ~ engine_version              = \"16.4\" -> \"16.3\"\n"));
    // The fix: write the running version, or only its major version.
    for version in ["\"16.4\"", "\"16\""] {
        let fixed = edited("\"16.3\"", version);
        let mut w = world.clone();
        let a = apply(&fixed, &mut w);
        assert!(a.failures.is_empty(), "{version}");
        assert_eq!(plan(&fixed, &w).text, NO_CHANGES_TEXT, "{version}");
        assert!(
            w.actual["aws_db_instance.pg"].pending.is_empty(),
            "{version}: nothing waits for a window"
        );
    }
    // A major upgrade needs its flag.
    let (config, mut world) = (
        edited("\"16.3\"", "\"17.2\""),
        World::deployed(&photoshare()),
    );
    let a = apply(&config, &mut world);
    assert!(a.failures[0].error.contains(
        "api error InvalidParameterCombination: The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version."
    ));
}

#[test]
fn a_protected_database_is_not_replaced() {
    let config = photoshare();
    let mut world = World::deployed(&config);
    let new_user = "username                    = \"admin\"";
    let old_user = "username                    = \"photoshare\"";
    let replace = edited(old_user, new_user);
    let p = plan(&replace, &world);
    assert_eq!(
        p.summary.plan_line(),
        "Plan: 1 to add, 0 to change, 1 to destroy."
    );
    assert!(p.text.contains(
        "      ~ username                    = \"photoshare\" -> \"admin\" # forces replacement\n"
    ));
    // As written, PhotoShare's database has no final snapshot setting: the provider stops first.
    let a = apply(&replace, &mut world);
    assert_eq!(
        a.log(a.steps.len()),
        "aws_db_instance.pg: Destroying... [id=db-AD3F36CB30D16C93AD3F36CB30]
╷
│ Error: final_snapshot_identifier is required when skip_final_snapshot is false
│
╵
"
    );
    assert!(a.failures[0].left.starts_with("Nothing was destroyed"));
    assert_eq!(
        world.actual["aws_db_instance.pg"].id,
        "db-AD3F36CB30D16C93AD3F36CB30"
    );
    // Setting skip_final_snapshot in the same apply does not help: the destroy reads the state.
    let both = parse_config(&PHOTOSHARE_TF.replace(old_user, new_user).replace(
        DB_LAST,
        &format!("{DB_LAST}  skip_final_snapshot         = true\n"),
    ))
    .unwrap();
    let mut w = world.clone();
    assert!(!apply(&both, &mut w).failures.is_empty());
    // Applied on its own first, it gets the destroy as far as AWS, which refuses a protected one.
    let skip = edited(
        DB_LAST,
        &format!("{DB_LAST}  skip_final_snapshot         = true\n"),
    );
    assert!(apply(&skip, &mut world).failures.is_empty());
    let a = apply(&both, &mut world);
    assert_eq!(
        a.log(a.steps.len()),
        "aws_db_instance.pg: Destroying... [id=db-AD3F36CB30D16C93AD3F36CB30]
╷
│ Error: deleting RDS DB Instance (photoshare-pg): InvalidParameterCombination: Cannot delete protected DB Instance, please disable deletion protection and try again.
│ \tstatus code: 400, request id: 0d448ac2-da9b-b002-8f2e-b7c3df4bebe6
│
╵
"
    );
    assert!(a.failures[0].fix.contains("deletion_protection = false"));
    // Protection off first, then the replacement goes through.
    let unprotected = PHOTOSHARE_TF.replace(
        DB_LAST,
        "  deletion_protection         = false\n  skip_final_snapshot         = true\n",
    );
    let off = parse_config(&unprotected).unwrap();
    assert!(apply(&off, &mut world).failures.is_empty());
    let go = parse_config(&unprotected.replace(old_user, new_user)).unwrap();
    let a = apply(&go, &mut world);
    assert_eq!(
        a.complete_line.as_deref(),
        Some("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.")
    );
    assert_ne!(
        world.actual["aws_db_instance.pg"].id,
        "db-AD3F36CB30D16C93AD3F36CB30"
    );
}

#[test]
fn a_bucket_with_objects_is_not_destroyed_without_force_destroy() {
    let config = photoshare();
    let mut world = World::deployed(&config);
    let renamed_text = PHOTOSHARE_TF.replace(
        "bucket = \"photoshare-user-uploads\"",
        "bucket = \"photoshare-uploads-eu\"",
    );
    let renamed = parse_config(&renamed_text).unwrap();
    let p = plan(&renamed, &world);
    // The versioning resource refers to the bucket's ID, which the replacement makes unknown.
    assert_eq!(
        p.summary.plan_line(),
        "Plan: 2 to add, 0 to change, 2 to destroy."
    );
    assert!(p.text.contains(
        "      ~ bucket = \"photoshare-user-uploads\" -> (known after apply) # forces replacement\n"
    ));
    let a = apply(&renamed, &mut world);
    assert_eq!(
        a.log(a.steps.len()),
        "aws_s3_bucket_versioning.uploads: Destroying... [id=photoshare-user-uploads]
aws_s3_bucket_versioning.uploads: Destruction complete
aws_s3_bucket.uploads: Destroying... [id=photoshare-user-uploads]
╷
│ Error: deleting S3 Bucket (photoshare-user-uploads): operation error S3: DeleteBucket, https response error StatusCode: 409, RequestID: 222838C4F15D037B, HostID: AEs3Z6itgPqZ1tn34xmnMmD5umuJ4N5ZnIefwrMHAiQMS3C5SDGpUVK8EMnadiHz4Sv9+pkz0Psh=, api error BucketNotEmpty: The bucket you tried to delete is not empty
│
╵
"
    );
    assert!(world.actual.contains_key("aws_s3_bucket.uploads"));
    assert!(world.state.contains_key("aws_s3_bucket.uploads"));
    assert!(!world.state.contains_key("aws_s3_bucket_versioning.uploads"));
    assert!(a.failures[0].fix.contains("force_destroy = true"));
    // force_destroy, applied before the rename, empties and deletes it.
    let forced = |text: &str| {
        parse_config(&text.replace(
            "bucket = \"photoshare-user-uploads\"\n",
            "bucket = \"photoshare-user-uploads\"\n  force_destroy = true\n",
        ))
        .unwrap()
    };
    let mut world = World::deployed(&config);
    assert!(apply(&forced(PHOTOSHARE_TF), &mut world)
        .failures
        .is_empty());
    let renamed = parse_config(&renamed_text.replace(
        "bucket = \"photoshare-uploads-eu\"\n",
        "bucket = \"photoshare-uploads-eu\"\n  force_destroy = true\n",
    ))
    .unwrap();
    let a = apply(&renamed, &mut world);
    assert_eq!(
        a.complete_line.as_deref(),
        Some("Apply complete! Resources: 2 added, 0 changed, 2 destroyed.")
    );
    assert_eq!(plan(&renamed, &world).text, NO_CHANGES_TEXT);
}

#[test]
fn rds_holds_changes_for_the_maintenance_window() {
    let (config, mut world) = after_click(ConsoleClick::MultiAzOff);
    let revert = plan(&config, &world).text;
    let a = apply(&config, &mut world);
    assert_eq!(
        a.complete_line.as_deref(),
        Some("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.")
    );
    assert_eq!(
        a.pending,
        [("aws_db_instance.pg".to_string(), "multi_az".to_string())]
    );
    assert!(a.note.contains("maintenance window"), "{}", a.note);
    // Until the window, the database runs without its standby and every plan says so again.
    assert_eq!(
        world.actual["aws_db_instance.pg"].body.attributes["multi_az"],
        Value::Bool(false)
    );
    assert_eq!(plan(&config, &world).text, revert);
    let note = click(&mut world, ConsoleClick::MaintenanceWindow);
    assert_eq!(
        note,
        "The maintenance window passed: RDS carried out the modifications it held (multi_az = true)."
    );
    assert_eq!(plan(&config, &world).text, NO_CHANGES_TEXT);
    // The state still says false: only -refresh-only reports the change RDS made.
    assert!(refresh(&config, &world)
        .text
        .contains("      ~ multi_az                    = false -> true\n"));
    // apply_immediately = true makes the change at once.
    let (_, mut world) = after_click(ConsoleClick::ResizeDatabase);
    let now = edited(
        DB_LAST,
        &format!("{DB_LAST}  apply_immediately           = true\n"),
    );
    let a = apply(&now, &mut world);
    assert!(a.pending.is_empty());
    assert_eq!(plan(&now, &world).text, NO_CHANGES_TEXT);
}

#[test]
fn a_plan_reports_only_the_drift_that_fed_it() {
    // Terraform 1.2 and later: a change reverted by the plan is not reported as drift.
    let (config, world) = after_click(ConsoleClick::MultiAzOff);
    let p = plan(&config, &world);
    assert!(p.relevant_drift.is_empty());
    assert!(p.text.starts_with("Terraform used the selected providers"));
    // A change a planned change refers to is: a new parameter copies the database's class.
    let (_, mut world) = after_click(ConsoleClick::ResizeDatabase);
    click(&mut world, ConsoleClick::MultiAzOff);
    let with_parameter = parse_config(&format!(
        "{PHOTOSHARE_TF}
resource \"aws_ssm_parameter\" \"db_class\" {{
  name  = \"/photoshare/db-class\"
  type  = \"String\"
  value = aws_db_instance.pg.instance_class
}}
"
    ))
    .unwrap();
    let p = plan(&with_parameter, &world);
    assert_eq!(
        p.relevant_drift,
        [Drift {
            address: "aws_db_instance.pg".into(),
            changed: Some(vec!["instance_class".into()])
        }]
    );
    let rule = "─".repeat(77);
    assert!(
        p.text.starts_with(&format!(
            "Note: Objects have changed outside of Terraform

Terraform detected the following changes made outside of Terraform since the
last \"terraform apply\" which may have affected this plan:

  # aws_db_instance.pg has changed
  ~ resource \"aws_db_instance\" \"pg\" {{
        id                          = \"db-AD3F36CB30D16C93AD3F36CB30\"
      ~ instance_class              = \"db.r6g.large\" -> \"db.r6g.xlarge\"
        # (10 unchanged attributes hidden)
    }}


Unless you have made equivalent changes to your configuration, or ignored the
relevant attributes using ignore_changes, the following plan may include
actions to undo or respond to these changes.

{rule}

Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  + create
  ~ update in-place
"
        )),
        "{}",
        p.text
    );
    // multi_az drifted too, but nothing refers to it: only -refresh-only shows it.
    let r = refresh(&with_parameter, &world);
    assert!(r
        .text
        .contains("      ~ multi_az                    = true -> false\n"));
    assert!(
        p.text.contains("      + value = \"db.r6g.large\"\n"),
        "the plan reads the planned class"
    );
}

#[test]
fn a_security_group_in_use_is_not_destroyed() {
    let config = photoshare();
    let mut world = World::deployed(&config);
    let renamed = edited(
        "HTTPS from the internet to the load balancer",
        "HTTPS to the load balancer",
    );
    let p = plan(&renamed, &world);
    assert_eq!(
        p.summary.plan_line(),
        "Plan: 1 to add, 2 to change, 1 to destroy."
    );
    assert!(
        p.text.contains(
            "      ~ security_groups    = [
          - \"sg-060175903f0abfb8c\",
        ] -> (known after apply)
"
        ),
        "{}",
        p.text
    );
    let a = apply(&renamed, &mut world);
    assert!(a.failures[0].error.contains(
        "api error DependencyViolation: resource sg-060175903f0abfb8c has a dependent object"
    ));
    assert!(a.failures[0]
        .left
        .contains("aws_lb.app, aws_security_group.app"));
    assert!(a
        .steps
        .iter()
        .all(|s| s.address == "aws_security_group.alb"));
}

#[test]
fn references_terraform_refuses_are_refused() {
    let rows = [
        (
            PHOTOSHARE_TF.replace("[aws_security_group.alb.id]\n}", "[aws_security_group.alb2.id]\n}"),
            71,
            25,
            "Reference to undeclared resource: A managed resource \"aws_security_group\" \"alb2\" has not been declared in the root module.",
        ),
        (
            PHOTOSHARE_TF.replace("module.vpc.public_subnets", "module.net.public_subnets"),
            70,
            24,
            "Reference to undeclared module: No module call named \"net\" is declared in the root module.",
        ),
        (
            PHOTOSHARE_TF.replace(
                "vpc_id      = module.vpc.vpc_id\n\n  ingress {\n    from_port   = 443",
                "vpc_id      = aws_security_group.app.vpc_id\n\n  ingress {\n    from_port   = 443",
            ),
            41,
            1,
            "Cycle: aws_security_group.alb, aws_security_group.app",
        ),
    ];
    for (text, line, column, message) in rows {
        let e = parse_config(&text).unwrap_err();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (line, column, message)
        );
    }
}

#[test]
fn the_page_shows_the_last_apply_until_something_happens_and_either_plan() {
    let mut p = IacDriftParams {
        clicks: vec![ConsoleClick::UpgradeEngine],
        ..Default::default()
    };
    p.record_apply();
    let o = evaluate(&p).unwrap();
    let last = o
        .last_apply
        .expect("the failed apply's log stays on screen");
    assert_eq!(last.failures.len(), 1);
    assert_eq!(
        o.plan.summary.plan_line(),
        "Plan: 0 to add, 1 to change, 0 to destroy."
    );
    p.clicks.push(ConsoleClick::OpenSshPort);
    assert_eq!(evaluate(&p).unwrap().last_apply, None, "a click ends it");
    // -refresh-only is a switch in the link.
    let q = IacDriftParams {
        refresh_only: true,
        ..Default::default()
    };
    assert_eq!(q.to_query(), "refresh_only=1");
    let (back, ignored) = IacDriftParams::from_query(&Query::parse("refresh_only=1"));
    assert!(back.refresh_only && ignored.is_empty());
}

/// Cutting one letter of `engine_version` (found by the random-edit property): the misspelt
/// argument is planned, and the left-out `engine_version` is Optional and Computed, so the
/// provider keeps 16.3 and the plan shows no change for it.
#[test]
fn a_left_out_optional_computed_argument_keeps_its_value() {
    let text = PHOTOSHARE_TF.replace("engine_version", "egine_version");
    let config = parse_config(&text).unwrap();
    let world = World::deployed(&parse_config(PHOTOSHARE_TF).unwrap());
    let p = plan(&config, &world);
    assert!(p.text.contains("+ egine_version"), "{}", p.text);
    assert!(
        !p.text
            .contains("engine_version              = \"16.3\" -> null"),
        "{}",
        p.text
    );
    let mut applied = world.clone();
    apply(&config, &mut applied);
    assert!(plan(&config, &applied).changes.is_empty());
}

/// `instance_class` is required: Terraform stops before planning, at the resource's line.
#[test]
fn a_missing_required_argument_stops_the_plan() {
    let text = PHOTOSHARE_TF.replace("instance_class              = \"db.r6g.large\"", "");
    let e = parse_config(&text).unwrap_err();
    assert!(
        e.message.starts_with("Missing required argument"),
        "{}",
        e.message
    );
    let line = PHOTOSHARE_TF
        .lines()
        .position(|l| l.starts_with("resource \"aws_db_instance\""))
        .unwrap();
    assert_eq!(e.line, line + 1);
}
