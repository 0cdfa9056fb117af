# Hosting recipe: Cloud Lab's dist/ on a private S3 bucket behind CloudFront.
#   terraform init && terraform apply -var bucket_name=my-cloud-lab
#   ../deploy/publish.sh my-cloud-lab <distribution id>     (after scripts/build.sh)
# Hashed assets are cached for a year (immutable), index.html and the service worker are
# revalidated on every visit, every response carries the lab's strict Content-Security-
# Policy (its frame-ancestors says which pages may embed the lab), and viewers are sent
# to HTTPS. The same headers are what tests/serve.py gives the browser tests.

terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.40" }
  }
}

variable "bucket_name" {
  description = "Globally unique name of the bucket that holds dist/."
  type        = string
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "path_prefix" {
  description = "Sub-path the lab lives under, e.g. \"course/lab/\" (with the trailing slash), or \"\" for the root."
  type        = string
  default     = ""
}

variable "frame_ancestors" {
  description = <<-EOT
    Pages allowed to show the lab in an <iframe> (embed=1 links, "Copy embed code"): the CSP
    frame-ancestors sources. The default lets the lab itself and any HTTPS page (a learning-
    management system, slides on the web) embed it. List your own origins to allow only them,
    e.g. "'self' https://moodle.example.edu", or "'none'" to forbid embedding. Slides opened
    from a local file have no origin a source can name: only leaving the directive out
    (frame_ancestors = "") lets them embed the lab, and then any page can.
  EOT
  type        = string
  default     = "'self' https:"
}

locals {
  # The strict policy: everything from the lab's own origin, no inline script or style.
  # worker-src (the offline service worker, the worker that compiles the wasm) falls back to
  # script-src, manifest-src to default-src. Every file is served with this policy, so the
  # compiling worker may compile wasm ('wasm-unsafe-eval') as the page may.
  csp = join("; ", compact([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    var.frame_ancestors == "" ? "" : "frame-ancestors ${var.frame_ancestors}",
  ]))
}

provider "aws" { region = var.region }

resource "aws_s3_bucket" "lab" {
  bucket = var.bucket_name
}

# The bucket stays private: only this distribution may read it.
resource "aws_s3_bucket_public_access_block" "lab" {
  bucket                  = aws_s3_bucket.lab.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_cloudfront_origin_access_control" "lab" {
  name                              = "${var.bucket_name}-oac"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

data "aws_iam_policy_document" "read_from_cloudfront" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.lab.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.lab.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "lab" {
  bucket = aws_s3_bucket.lab.id
  policy = data.aws_iam_policy_document.read_from_cloudfront.json
}

resource "aws_cloudfront_response_headers_policy" "lab" {
  name = "${var.bucket_name}-headers"
  security_headers_config {
    content_security_policy {
      content_security_policy = local.csp
      override                = true
    }
    content_type_options {
      override = true
    }
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      override                   = true
    }
    referrer_policy {
      referrer_policy = "no-referrer"
      override        = true
    }
  }
}

# Managed policies: CachingOptimized honours each object's Cache-Control (set by publish.sh)
# and compresses with gzip and brotli what CloudFront compresses (not .wasm: publish.sh
# uploads it brotli-compressed already).
data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}

resource "aws_cloudfront_distribution" "lab" {
  enabled             = true
  comment             = "Cloud Lab"
  default_root_object = "${var.path_prefix}index.html"
  price_class         = "PriceClass_100"
  http_version        = "http2and3"

  origin {
    domain_name              = aws_s3_bucket.lab.bucket_regional_domain_name
    origin_id                = "lab"
    origin_access_control_id = aws_cloudfront_origin_access_control.lab.id
  }

  default_cache_behavior {
    target_origin_id           = "lab"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.lab.id
  }

  restrictions {
    geo_restriction { restriction_type = "none" }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

output "url" {
  value = "https://${aws_cloudfront_distribution.lab.domain_name}/${var.path_prefix}"
}

output "distribution_id" {
  value = aws_cloudfront_distribution.lab.id
}
