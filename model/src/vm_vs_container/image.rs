//! The app's image: the multi-stage Dockerfile, its layers, and how long a host takes to
//! pull what it ships.

/// The image's Dockerfile, as the page shows it. Its lines are the layers in [`layers`].
pub const DOCKERFILE: &str = r#"# Stage 1, build: Node's toolchain, dropped once the app is built.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
RUN npm run build

# Stage 2, runtime: the Node runtime and the built app, nothing else.
FROM gcr.io/distroless/nodejs20-debian12 AS runtime
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
ENV NODE_ENV=production PORT=8080
# An unprivileged user: a compromised process gets no root.
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s CMD ["/nodejs/bin/node", "dist/healthcheck.js"]
CMD ["dist/server.js"]
"#;

/// A layer's size in MB (10⁶ bytes, as registries report): as pulled, and unpacked on disk.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerSize {
    pub compressed_mb: f64,
    pub uncompressed_mb: f64,
}

const NO_BYTES: LayerSize = LayerSize {
    compressed_mb: 0.0,
    uncompressed_mb: 0.0,
};

/// The sizes the layers are made of. Approximate and editable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageInputs {
    /// `node:20-bookworm-slim`, the build stage's base.
    pub build_base: LayerSize,
    /// `gcr.io/distroless/nodejs20-debian12`, the runtime stage's base.
    pub runtime_base: LayerSize,
    pub node_modules: LayerSize,
    /// What `npm ci` leaves in `~/.npm`: only the build stage carries it.
    pub npm_cache: LayerSize,
    /// Everything `COPY . .` brings in: source, tests, assets.
    pub source: LayerSize,
    /// The built app.
    pub dist: LayerSize,
}

impl Default for ImageInputs {
    fn default() -> Self {
        ImageInputs {
            build_base: LayerSize {
                compressed_mb: 70.0,
                uncompressed_mb: 200.0,
            },
            runtime_base: LayerSize {
                compressed_mb: 45.0,
                uncompressed_mb: 181.0,
            },
            node_modules: LayerSize {
                compressed_mb: 30.0,
                uncompressed_mb: 80.0,
            },
            npm_cache: LayerSize {
                compressed_mb: 25.0,
                uncompressed_mb: 25.0,
            },
            source: LayerSize {
                compressed_mb: 2.0,
                uncompressed_mb: 6.0,
            },
            dist: LayerSize {
                compressed_mb: 1.0,
                uncompressed_mb: 3.0,
            },
        }
    }
}

/// Which stage of the Dockerfile a layer belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Thrown away by a multi-stage build; shipped whole by a single-stage one.
    Build,
    /// What a multi-stage build ships.
    Runtime,
}

/// Ship the runtime stage only, or the build stage as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Build {
    #[default]
    MultiStage,
    SingleStage,
}

impl Build {
    pub const ALL: [Build; 2] = [Build::MultiStage, Build::SingleStage];

    /// In a link: `build=single`.
    pub fn slug(self) -> &'static str {
        match self {
            Build::MultiStage => "multi",
            Build::SingleStage => "single",
        }
    }

    pub fn shipped_stage(self) -> Stage {
        match self {
            Build::MultiStage => Stage::Runtime,
            Build::SingleStage => Stage::Build,
        }
    }
}

/// One line of the Dockerfile and the bytes it adds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageLayer {
    pub stage: Stage,
    /// The Dockerfile line, exactly as in [`DOCKERFILE`].
    pub instruction: &'static str,
    pub size: LayerSize,
}

/// Both stages' layers in Dockerfile order. Settings-only lines add no bytes.
pub fn layers(inputs: &ImageInputs) -> Vec<ImageLayer> {
    let both = |a: LayerSize, b: LayerSize| LayerSize {
        compressed_mb: a.compressed_mb + b.compressed_mb,
        uncompressed_mb: a.uncompressed_mb + b.uncompressed_mb,
    };
    let layer = |stage, instruction, size| ImageLayer {
        stage,
        instruction,
        size,
    };
    use Stage::*;
    vec![
        layer(
            Build,
            "FROM node:20-bookworm-slim AS build",
            inputs.build_base,
        ),
        layer(Build, "WORKDIR /app", NO_BYTES),
        layer(Build, "COPY package.json package-lock.json ./", NO_BYTES),
        layer(
            Build,
            "RUN npm ci --omit=dev",
            both(inputs.node_modules, inputs.npm_cache),
        ),
        layer(Build, "COPY . .", inputs.source),
        layer(Build, "RUN npm run build", inputs.dist),
        layer(
            Runtime,
            "FROM gcr.io/distroless/nodejs20-debian12 AS runtime",
            inputs.runtime_base,
        ),
        layer(Runtime, "WORKDIR /app", NO_BYTES),
        layer(Runtime, "COPY --from=build /app/dist ./dist", inputs.dist),
        layer(
            Runtime,
            "COPY --from=build /app/node_modules ./node_modules",
            inputs.node_modules,
        ),
    ]
}

/// An image's size and how long one host takes to pull it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageSize {
    pub compressed_mb: f64,
    pub uncompressed_mb: f64,
    pub pull_s: f64,
}

/// Size of the image a build ships.
pub fn image_size(inputs: &ImageInputs, build: Build, pull_mbit_per_s: f64) -> ImageSize {
    let shipped = layers(inputs)
        .into_iter()
        .filter(|l| l.stage == build.shipped_stage());
    let (compressed_mb, uncompressed_mb) = shipped.fold((0.0, 0.0), |(c, u), l| {
        (c + l.size.compressed_mb, u + l.size.uncompressed_mb)
    });
    ImageSize {
        compressed_mb,
        uncompressed_mb,
        pull_s: pull_seconds(compressed_mb, pull_mbit_per_s),
    }
}

/// Seconds to move `mb` megabytes at `mbit_per_s`.
pub fn pull_seconds(mb: f64, mbit_per_s: f64) -> f64 {
    mb * 8.0 / mbit_per_s
}
