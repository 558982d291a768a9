using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Tests.Sso.Products;

/// <summary>
/// The products' back-channel logout endpoints: a real Kestrel server on a loopback port of its
/// own, so the Api's deliveries cross a real socket. <c>POST /{clientId}</c> with a form field
/// <c>logout_token</c> is written down per product and answered 200.
/// </summary>
public sealed class BackChannelReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Received>> received = new();
    private readonly object signal = new();
    private TaskCompletionSource arrived = NewSignal();
    private int disposed;

    public BackChannelReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{clientId}", async (string clientId, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            received.GetOrAdd(clientId, _ => new()).Enqueue(new Received(form["logout_token"].ToString(), request.ContentType ?? ""));
            TaskCompletionSource done;
            lock (signal)
            {
                done = arrived;
                arrived = NewSignal();
            }

            done.SetResult();
            return Results.Ok();
        });
        app.StartAsync().GetAwaiter().GetResult();
        Address = new Uri(app.Urls.Single());
    }

    public Uri Address { get; }

    /// <summary>The URI a product's <c>BackChannelLogoutUri</c> points at.</summary>
    public string UriOf(string clientId) => new Uri(Address, clientId).ToString();

    /// <summary>What this product received for session <paramref name="sid"/> so far.</summary>
    public IReadOnlyList<Received> For(string clientId, string sid) =>
        [.. received.GetValueOrDefault(clientId, []).Where(token => token.Sid == sid)];

    /// <summary>Waits (up to 10 s) until this product received a token for <paramref name="sid"/>.</summary>
    public async Task<Received> WaitForAsync(string clientId, string sid)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task next;
            lock (signal)
            {
                next = arrived.Task;
            }

            if (For(clientId, sid) is [var first, ..])
            {
                return first;
            }

            await next.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Received(string LogoutToken, string ContentType)
    {
        public string? Sid => new JsonWebTokenHandler().CanReadToken(LogoutToken) ? new JsonWebToken(LogoutToken).GetPayloadValue<string>("sid") : null;
    }
}
