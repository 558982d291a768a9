namespace Benchmarks.Flows;

/// <summary>
/// One flow scenario's figures, as the load process prints them (one JSON line): completed
/// operations, failed ones, the measured wall time, operations per second and latency
/// percentiles in ms (nearest rank, successful operations only). Note: the first error, or
/// what was measured (e.g. the hash setting).
/// </summary>
public sealed record FlowResult(string Scenario, int Clients, int Done, int Errors, double Seconds, double Rps, double P50, double P99, string? Note);
