using System.Net;
using Api.SsoMigration;
using Api.SsoMigration.Funnel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace Api.Tests.Migration.Funnel;

/// <summary>
/// A moved user who adds a passkey at their first sign-in, instead of an authenticator app, has
/// set up their second step: the funnel counts them at "enrolled" (and the metric with them), so
/// a partner watching a batch does not see them as stuck.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class FunnelPasskeyTests(ExecutionApiFactory api)
{
    [Fact]
    public async Task A_passkey_added_at_the_first_sign_in_counts_as_an_authenticator_enrolled()
    {
        var meters = api.Services.GetRequiredService<IMeterFactory>();
        using var enrolments = new MetricCollector<long>(meters, MigrationMetrics.MeterName, "migration.funnel.enrolments");
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        var admin = await world.Admin.StaffAsync();
        using var reader = new SsoDriver(api);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var paula = world.Users[0];
        using var passkey = new SoftwareAuthenticator(synced: true);

        using (var browser = new SsoDriver(api))
        {
            await FunnelCalls.ActivateAsync(api, browser, paula);
            var done = await browser.EnrolPasskeyAsync(paula, passkey);
            Assert.Equal("done", done.Step);
            Assert.NotNull((await browser.FinishSignInAsync(done)).AccessToken);
        }

        var counts = await admin.CountsAsync(reader, world.BatchId);
        Assert.Equal((2, 1, 1, 1, 0), counts.Row);
        Assert.Empty(await admin.PeopleAtAsync(reader, "activated", world.BatchId));
        Assert.Equal([paula.Email], await admin.PeopleAtAsync(reader, "signed-in", world.BatchId));
        var milestones = await FunnelCalls.MilestonesOfAsync(api.Services, paula.EndUserId);
        Assert.Equal([FunnelStep.EmailActivated, FunnelStep.AuthenticatorEnrolled, FunnelStep.FirstPortalSignIn], milestones.Select(m => m.Step));
        Assert.Single(enrolments.GetMeasurementSnapshot());

        // Back another day with the passkey alone (no password, no code): "returned".
        using (var again = new SsoDriver(api))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await again.BeginSignInAsync()).StatusCode);
            Assert.NotNull((await again.FinishSignInAsync(await again.SignInWithPasskeyAsync(paula, passkey))).AccessToken);
        }

        Assert.Equal((2, 1, 1, 1, 1), (await admin.CountsAsync(reader, world.BatchId)).Row);
    }
}
