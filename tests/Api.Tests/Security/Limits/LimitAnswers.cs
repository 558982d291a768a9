using System.Net;

namespace Api.Tests.Security.Limits;

/// <summary>What every limit's refusal must look like to the person who acted and to their browser.</summary>
internal static class LimitAnswers
{
    /// <summary>429, a problem with a sentence that says when to try again, and Retry-After within the budget's window.</summary>
    public static void AssertRefused(SsoResponse answer, TimeSpan window, string sentenceStart)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.StartsWith(sentenceStart, answer.Detail);
        Assert.Matches(@"Try again in (a minute|\d+ (minutes|hours))", answer.Detail);
        var retryAfter = answer.Raw.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), window);
    }

    /// <summary>
    /// Exactly <paramref name="allowed"/> went through; every other answer is the refusal of one of
    /// the limits whose sentences are given, with Retry-After within the longest window.
    /// </summary>
    public static void AssertExactly(int allowed, IReadOnlyList<SsoResponse> answers, HttpStatusCode success, TimeSpan window, params string[] sentenceStarts)
    {
        Assert.Equal(allowed, answers.Count(a => a.Status == success));
        Assert.All(answers.Where(a => a.Status != success), a =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, a.Status);
            AssertRefused(a, window, sentenceStarts.First(start => a.Detail!.StartsWith(start, StringComparison.Ordinal)));
        });
    }
}
