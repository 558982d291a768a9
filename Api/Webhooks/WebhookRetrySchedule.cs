namespace Api.Webhooks;

/// <summary>When a failed delivery is tried again: the configured wait after its n-th attempt, give or take a fifth.</summary>
public static class WebhookRetrySchedule
{
    /// <summary>The next attempt's time after <paramref name="attempts"/> failed ones; null when the retries are used up.</summary>
    public static DateTime? NextAttempt(IReadOnlyList<TimeSpan> delays, int attempts, DateTime now)
    {
        if (attempts < 1 || attempts > delays.Count)
        {
            return null;
        }

        // Jitter spreads the retries of many endpoints' events that failed together (one receiver
        // down, every event of the hour failing) instead of sending them back in one burst.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return now + (delays[attempts - 1] * jitter);
    }
}
