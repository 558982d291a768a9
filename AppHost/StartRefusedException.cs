namespace AppHost;

/// <summary>
/// A setting this machine cannot honour (an unknown mode, a container without a container runtime,
/// a local tool that does not restore). Program.cs prints the sentence and exits with code 1: the
/// person who typed the setting needs what to do, not a stack trace.
/// </summary>
public sealed class StartRefusedException(string sentence) : DistributedApplicationException(sentence);
