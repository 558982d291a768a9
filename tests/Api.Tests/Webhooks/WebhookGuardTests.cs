using Api.Webhooks;

namespace Api.Tests.Webhooks;

/// <summary>
/// What a receiver cannot make a dispatcher do: follow it elsewhere, keep it waiting past the
/// timeout, or make it read without end. Time is the test's clock: the 5 s timeout passes without waiting 5 s.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookGuardTests(WebhookApiFactory api)
{
    [Fact]
    [Trait("ASVS", "5.2.6")]
    [Trait("ASVS", "12.6.1")]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/redirect"));
        receiver.Secret = secret;
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");

        await world.DispatchAsync();

        Assert.Equal(["/redirect"], receiver.Received.Select(r => r.Path));
        var attempt = Assert.Single(await world.AttemptsAsync(endpointId));
        Assert.False(attempt.Succeeded);
        Assert.Equal(302, attempt.ResponseCode);
        Assert.Contains("redirect", attempt.Error);
        Assert.Null(Assert.Single(await world.DeliveriesAsync(endpointId)).DeliveredAt);
    }

    [Fact]
    [Trait("ASVS", "5.2.6")]
    [Trait("ASVS", "12.6.1")]
    public async Task A_receiver_that_does_not_answer_times_out_at_five_seconds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/slow"));
        receiver.Secret = secret;
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");

        var dispatching = world.Dispatcher().DeliverNextAsync(CancellationToken.None);
        await receiver.SlowArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        world.Clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(100);
        Assert.False(dispatching.IsCompleted, "the attempt gave up before 5 s");
        world.Clock.Advance(TimeSpan.FromSeconds(0.1));
        await dispatching.WaitAsync(TimeSpan.FromSeconds(20));

        var attempt = Assert.Single(await world.AttemptsAsync(endpointId));
        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.ResponseCode);
        Assert.Equal("The endpoint did not answer within 5 seconds.", attempt.Error);
    }

    [Fact]
    [Trait("ASVS", "5.2.6")]
    [Trait("ASVS", "12.6.1")]
    public async Task An_endless_answer_is_read_only_up_to_the_cap()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/endless"));
        receiver.Secret = secret;
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");

        // The test's clock never moves here: without the cap the attempt would read for ever.
        await world.DispatchAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var attempt = Assert.Single(await world.AttemptsAsync(endpointId));
        Assert.True(attempt.Succeeded, attempt.Error);
        Assert.Equal(200, attempt.ResponseCode);
        Assert.True(receiver.EndlessBytesWritten > 0, "the receiver never started its answer");
    }
}
