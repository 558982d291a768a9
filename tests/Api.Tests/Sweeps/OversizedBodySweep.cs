using System.Text;
using Api.Tests.Sso;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document, on a real Kestrel socket (the in-memory test server
/// enforces no body size limit; production's Kestrel does): every operation that takes a JSON
/// body refuses a 20 KB and a 1 MB body quickly, with a 4xx ProblemDetails that does not echo it.
/// </summary>
public sealed class OversizedBodySweep(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var operation in ApiDescription.Operations.Where(o => o.HasBody))
        {
            cases.Add(operation.Key, 20 * 1024);
            cases.Add(operation.Key, 1024 * 1024);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    [Trait("ASVS", "5.1.3")]
    public async Task An_oversized_body_is_refused_with_a_4xx_problem(string operation, int bytes)
    {
        var target = ApiDescription.Find(operation);
        using var http = api.CreateSocketClient();
        var field = target.BodyProperties!.Keys.FirstOrDefault() ?? "field";
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url(ApiOperation.PlausibleValue))
        {
            Content = new StringContent($"{{\"{field}\":\"{new string('a', bytes)}\"}}", Encoding.UTF8, "application/json"),
        };
        // As browsers and proxies may: the server can refuse by the announced length before the
        // body is sent (otherwise the client may still be writing when the 413 closes the connection).
        request.Headers.ExpectContinue = true;

        // No stopwatch: "refused before any expensive work" is proven where the work is observable
        // (BadInputTests: an oversized password is never hashed); a time limit here only measured
        // how busy the machine was.
        var answer = await SsoResponse.ReadAsync(await http.SendAsync(request));

        var shown = answer.ToString()[..Math.Min(400, answer.ToString().Length)];
        Assert.True((int)answer.Status is >= 400 and < 500, $"expected a 4xx, got {shown}");
        Assert.True(answer.IsProblem, $"expected application/problem+json, got {shown}");
        Assert.True(MalformedInputSweep.HasSentence(answer), $"no sentence for the user: {shown}");
        Assert.True(answer.Body.Length < 4096, $"the answer echoes the input back ({answer.Body.Length} bytes)");
        BadInputTests.AssertNoStackTrace(answer);
    }
}
