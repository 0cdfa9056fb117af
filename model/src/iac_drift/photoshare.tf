# PhotoShare's production stack (worked example §2 and §3).

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  # Shared state in S3; the DynamoDB table holds the lock so two applies never overlap.
  backend "s3" {
    bucket         = "photoshare-tfstate"
    key            = "prod/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tf-locks"
  }
}

provider "aws" {
  region = "eu-west-1"
}

# Network: public subnets for the load balancer, private ones for app and data, in two AZs.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.8"

  name            = "photoshare"
  cidr            = "10.0.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  public_subnets  = ["10.0.0.0/24", "10.0.1.0/24"]
  private_subnets = ["10.0.10.0/24", "10.0.11.0/24"]

  enable_nat_gateway = true
  single_nat_gateway = false # a NAT gateway per AZ: losing one AZ keeps the other online
}

resource "aws_security_group" "alb" {
  name        = "photoshare-alb"
  description = "HTTPS from the internet to the load balancer"
  vpc_id      = module.vpc.vpc_id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "app" {
  name        = "photoshare-app"
  description = "Only the load balancer may reach the app tasks"
  vpc_id      = module.vpc.vpc_id

  ingress {
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [aws_security_group.alb.id]
  }
}

resource "aws_lb" "app" {
  name               = "photoshare-alb"
  load_balancer_type = "application"
  subnets            = module.vpc.public_subnets
  security_groups    = [aws_security_group.alb.id]
}

resource "aws_lb_target_group" "app" {
  name        = "photoshare-tg"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = module.vpc.vpc_id
  target_type = "ip"

  health_check {
    path                = "/healthz"
    healthy_threshold   = 2
    unhealthy_threshold = 3
    interval            = 15
    timeout             = 5
  }
}

resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "photoshare"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  container_definitions    = jsonencode([{ name = "web", image = "photoshare:latest", portMappings = [{ containerPort = 8080 }] }])
}

# Fargate itself spreads a service's tasks over the AZs of its subnets.
resource "aws_ecs_service" "app" {
  name            = "photoshare"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 4 # the starting point; the autoscaler moves it from here
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = module.vpc.private_subnets
    security_groups = [aws_security_group.app.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "web"
    container_port   = 8080
  }
}

resource "aws_db_instance" "pg" {
  identifier                  = "photoshare-pg"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.r6g.large"
  allocated_storage           = 100
  username                    = "photoshare"
  manage_master_user_password = true
  multi_az                    = true # a synchronous standby in the second AZ
  storage_encrypted           = true
  backup_retention_period     = 7
  deletion_protection         = true
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = "photoshare-redis"
  description                = "PhotoShare sessions and hot metadata"
  node_type                  = "cache.r6g.large"
  num_cache_clusters         = 2 # a primary and a replica, one per AZ
  automatic_failover_enabled = true
}

resource "aws_s3_bucket" "uploads" {
  bucket = "photoshare-user-uploads"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  resource_id        = "service/main/photoshare"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 20
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "track-cpu-60"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.app.resource_id
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"

  target_tracking_scaling_policy_configuration {
    target_value       = 60.0
    scale_out_cooldown = 60  # add tasks quickly
    scale_in_cooldown  = 300 # remove them slowly, so the fleet does not flap

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
