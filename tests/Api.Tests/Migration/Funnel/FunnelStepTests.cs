using System.Net;
using Api.SsoMigration;
using Api.SsoMigration.Funnel;
using Api.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace Api.Tests.Migration.Funnel;

/// <summary>
/// The funnel as a partner admin reads it while their users move: a batch runs, then one user
/// activates, sets up an authenticator and signs in to the portal through the real SSO screens,
/// and the numbers, the people at each step and the metrics follow.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class FunnelStepTests(ExecutionApiFactory api)
{
    [Fact]
    public async Task A_batch_run_moves_everyone_and_each_step_a_user_takes_shows_in_the_counts_the_people_and_the_metrics()
    {
        var meters = api.Services.GetRequiredService<IMeterFactory>();
        using var moved = new MetricCollector<long>(meters, MigrationMetrics.MeterName, "migration.users.moved");
        using var activations = new MetricCollector<long>(meters, MigrationMetrics.MeterName, "migration.funnel.activations");
        using var enrolments = new MetricCollector<long>(meters, MigrationMetrics.MeterName, "migration.funnel.enrolments");
        using var firstSignIns = new MetricCollector<long>(meters, MigrationMetrics.MeterName, "migration.funnel.first_sign_ins");
        using var durations = new MetricCollector<double>(meters, MigrationMetrics.MeterName, "migration.batch.duration");
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        var afterRun = await admin.CountsAsync(browser, world.BatchId);
        Assert.Equal((3, 0, 0, 0, 0), afterRun.Row);
        Assert.Equal((3, 100, 3), afterRun.Steps["moved"]);
        Assert.Equal(3, moved.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Single(durations.GetMeasurementSnapshot());

        var nora = world.Users[0];
        using (await FunnelCalls.FirstSignInAsync(api, nora))
        {
        }

        var afterNora = await admin.CountsAsync(browser, world.BatchId);
        Assert.Equal((3, 1, 1, 1, 0), afterNora.Row);
        Assert.Equal((1, 33, 1), afterNora.Steps["signed-in"]);
        Assert.Equal([nora.Email], await admin.PeopleAtAsync(browser, "signed-in", world.BatchId));
        Assert.Equal(world.Users.Skip(1).Select(u => u.Email).Order(StringComparer.Ordinal), await admin.PeopleAtAsync(browser, "moved", world.BatchId));
        Assert.Empty(await admin.PeopleAtAsync(browser, "activated", world.BatchId));
        // The client's page reads the same funnel through the client.
        Assert.Equal(afterNora.Row, (await admin.CountsAsync(browser, clientId: world.Admin.Clients[0].Id)).Row);
        Assert.Equal((1, 1, 1), (activations.GetMeasurementSnapshot().Count, enrolments.GetMeasurementSnapshot().Count, firstSignIns.GetMeasurementSnapshot().Count));

        // Back another day, in a new session: "signed in again within 30 days".
        await FunnelCalls.SignInAgainAsync(api, nora);
        Assert.Equal((3, 1, 1, 1, 1), (await admin.CountsAsync(browser, world.BatchId)).Row);
        Assert.Equal([nora.Email], await admin.PeopleAtAsync(browser, "returned", world.BatchId));
        Assert.Single(firstSignIns.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Each_step_is_written_once_with_its_time_and_renewals_in_the_same_session_add_nothing()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var user = world.Users[0];

        using var browser = await FunnelCalls.FirstSignInAsync(api, user);
        // Silent renewals: the portal asks authorize again in the same SSO session.
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(SsoDriver.CodeIn(await browser.AuthorizeAsync()));
        }

        var milestones = await FunnelCalls.MilestonesOfAsync(api.Services, user.EndUserId);
        Assert.Equal([FunnelStep.EmailActivated, FunnelStep.AuthenticatorEnrolled, FunnelStep.FirstPortalSignIn], milestones.Select(m => m.Step));
        Assert.All(milestones, m => Assert.Equal(world.BatchId, m.BatchId));
        Assert.True(milestones[0].ReachedAt <= milestones[1].ReachedAt && milestones[1].ReachedAt <= milestones[2].ReachedAt);
        Assert.NotNull(milestones[2].SessionId);
    }

    [Fact]
    public async Task The_funnel_people_export_is_a_csv_of_exactly_the_people_at_the_step()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var activated = world.Users[0];
        using (var signIn = new SsoDriver(api))
        {
            await FunnelCalls.ActivateAsync(api, signIn, activated);
        }

        var answer = await admin.GetAsync(browser, $"{FunnelCalls.Funnel}/people/export.csv?step=activated&batchId={world.BatchId}");
        var everyone = await admin.GetAsync(browser, $"{FunnelCalls.Funnel}/people/export.csv?batchId={world.BatchId}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("text/csv", answer.MediaType);
        Assert.Contains("attachment", answer.Raw.Content.Headers.ContentDisposition?.ToString() ?? "");
        var lines = answer.Body.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Name,Email,Client,Batch,Step,Moved at,Activated at,Authenticator at,First sign-in at,Signed in again at", lines[0]);
        var row = Assert.Single(lines.Skip(1)).Split(',');
        Assert.Equal((activated.DisplayName, activated.Email, world.Admin.Clients[0].Name, "Activated"), (row[0], row[1], row[2], row[4]));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row[5]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row[6]);
        Assert.Equal(["", "", ""], row[7..]);
        Assert.Equal(3, everyone.Body.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public async Task The_chart_counts_moves_and_activations_per_day_in_the_batch_time_zone()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        using (var signIn = new SsoDriver(api))
        {
            await FunnelCalls.ActivateAsync(api, signIn, world.Users[0]);
        }

        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var answer = await admin.GetAsync(browser, $"{FunnelCalls.Funnel}/days?batchId={world.BatchId}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Europe/Amsterdam", answer.String("timeZone"));
        var days = answer.Json!["days"]!.AsArray();
        Assert.Equal(2, days.Sum(d => d!["moved"]!.GetValue<int>()));
        Assert.Equal(1, days.Sum(d => d!["activated"]!.GetValue<int>()));
        Assert.Equal(0, days.Sum(d => d!["enrolled"]!.GetValue<int>() + d!["signedIn"]!.GetValue<int>()));
        Assert.Matches(@"^\d{4}-\d\d-\d\d$", days[^1]!["day"]!.GetValue<string>());
    }
}
