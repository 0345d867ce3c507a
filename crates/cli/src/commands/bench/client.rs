//! The load benchmark's clients: each keeps one HTTP/1.1 connection alive and sends one
//! request after another until the deadline, timing each from the request written to the
//! last byte of the answer read (what `ab -k` measures).

use crate::error::CliError;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// What the clients of one request measured together.
#[derive(Debug, Default)]
pub(super) struct Run {
    /// Every answer's time, sorted.
    pub times: Vec<Duration>,
    /// Answers other than 200 OK.
    pub failed: usize,
    /// From the first client's start to the last client's end.
    pub elapsed: Duration,
}

impl Run {
    /// Answers per second.
    pub fn throughput(&self) -> f64 {
        self.times.len() as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
    }

    /// The nearest-rank percentile `q` (0–100) of the answer times.
    pub fn percentile(&self, q: u32) -> Duration {
        if self.times.is_empty() {
            return Duration::ZERO;
        }
        let rank = (self.times.len() * q as usize).div_ceil(100).max(1);
        self.times[rank.min(self.times.len()) - 1]
    }
}

/// One request as the clients send it.
#[derive(Debug, Clone)]
pub(super) struct Target {
    pub address: SocketAddr,
    pub path: String,
    pub bearer: String,
}

/// Drives `target` with `clients` connections at once for `length`.
pub(super) async fn drive(
    target: &Target,
    clients: u32,
    length: Duration,
) -> Result<Run, CliError> {
    let started = Instant::now();
    let deadline = started + length;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..clients.max(1) {
        tasks.spawn(client(target.clone(), deadline));
    }
    let mut run = Run::default();
    while let Some(joined) = tasks.join_next().await {
        let (times, failed) = joined.map_err(std::io::Error::other)??;
        run.times.extend(times);
        run.failed += failed;
    }
    run.elapsed = started.elapsed();
    run.times.sort_unstable();
    Ok(run)
}

/// The status of one request of `target`, sent once (to check it before timing it).
pub(super) async fn status_of(target: &Target) -> Result<StatusCode, CliError> {
    let mut sender = connect(target.address).await?;
    let (status, _) = send(&mut sender, target).await?;
    Ok(status)
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

async fn connect(address: SocketAddr) -> Result<Sender, CliError> {
    let stream = TcpStream::connect(address).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(std::io::Error::other)?;
    tokio::spawn(connection);
    Ok(sender)
}

/// Sends one request and reads the whole answer: its status and how long it took.
async fn send(sender: &mut Sender, target: &Target) -> Result<(StatusCode, Duration), CliError> {
    let request = Request::get(target.path.as_str())
        .header("host", target.address.to_string())
        .header("authorization", target.bearer.as_str())
        .body(Empty::new())
        .map_err(std::io::Error::other)?;
    let started = Instant::now();
    let response = sender
        .send_request(request)
        .await
        .map_err(std::io::Error::other)?;
    let status = response.status();
    response
        .into_body()
        .collect()
        .await
        .map_err(std::io::Error::other)?;
    Ok((status, started.elapsed()))
}

/// One client: requests on one connection until `deadline`.
async fn client(target: Target, deadline: Instant) -> Result<(Vec<Duration>, usize), CliError> {
    let mut sender = connect(target.address).await?;
    let mut times = Vec::new();
    let mut failed = 0;
    while Instant::now() < deadline {
        let (status, took) = send(&mut sender, &target).await?;
        times.push(took);
        failed += usize::from(status != StatusCode::OK);
    }
    Ok((times, failed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let run = Run {
            times: (1..=200).map(Duration::from_millis).collect(),
            failed: 0,
            elapsed: Duration::from_secs(2),
        };
        assert_eq!(run.percentile(50), Duration::from_millis(100));
        assert_eq!(run.percentile(99), Duration::from_millis(198));
        assert_eq!(run.percentile(100), Duration::from_millis(200));
        assert!((run.throughput() - 100.0).abs() < 1e-9);
        assert_eq!(Run::default().percentile(99), Duration::ZERO);
    }
}
