using Api.Shared;

namespace Api.SsoMigration.Execution;

/// <summary>Wakes this replica's <see cref="BatchRunner"/> at once (Run now, Retry) instead of at its next poll.</summary>
public sealed class BatchRunnerSignal : WakeSignal;
