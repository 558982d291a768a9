namespace Api.Webhooks;

/// <summary>The "Webhooks" settings: how deliveries are made, retried and guarded.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Lets endpoints on this machine (127.0.0.0/8, ::1) receive deliveries, and http:// URLs be
    /// registered: true only in Development, where the app host's receiver listens on localhost.
    /// Every other private, link-local or reserved address stays refused even then.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long one delivery may take, connection and response together (the spec's receivers answer fast and work later).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much of a receiver's answer is read (for the delivery log's sentence) before the rest is dropped.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>How long a dispatcher holds a delivery it is making; longer than <see cref="Timeout"/> by far.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the dispatcher looks for due deliveries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The waits between attempts (each varied by up to a fifth, so receivers coming back are not
    /// hit by every endpoint's retries at once); after the last the delivery has failed. About 24 h.
    /// </summary>
    public TimeSpan[] RetryDelays { get; set; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
        TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>An endpoint whose every attempt failed for this long (and at least <see cref="FailuresToDisable"/> times) is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromHours(24);

    public int FailuresToDisable { get; set; } = 10;

    /// <summary>How many endpoints one partner may register.</summary>
    public int MaxEndpointsPerPartner { get; set; } = 10;

    /// <summary>
    /// Deliveries one replica makes at the same time, so a receiver that takes its full timeout
    /// holds up one worker, not every partner's events. Each worker leases its own delivery.
    /// </summary>
    public int Workers { get; set; } = 8;

    /// <summary>False stops this replica's dispatcher (tests run their own, on a clock they move).</summary>
    public bool Dispatch { get; set; } = true;
}
