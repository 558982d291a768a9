using System.Diagnostics;
using Aspire.Hosting;

namespace EndToEnd.Tests.Stack;

/// <summary>
/// On a machine without a container engine, asking for a container must fail fast with advice,
/// not leave every dependent resource waiting forever.
/// </summary>
public sealed class ContainerModeTests
{
    [Theory]
    [InlineData("--Cache:Mode=Container", "Redis container")]
    [InlineData("--Database:Mode=Container", "SQL Server container")]
    public async Task Asking_for_a_container_without_a_runtime_fails_within_seconds_and_says_what_to_do(string setting, string what)
    {
        if (ContainerRuntimeAnswers())
        {
            // With a container engine the same setting must build an app model with a container in it.
            var withRuntime = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([setting]);
            Assert.Contains(withRuntime.Resources, r => r is Aspire.Hosting.ApplicationModel.ContainerResource);
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([setting]);
            await using var app = await builder.BuildAsync();
        });

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed.TotalSeconds:F1} s");
        var message = Flatten(failure);
        Assert.Contains(what, message);
        Assert.Contains("Start Docker or Podman", message);
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " " + Flatten(exception.InnerException);

    private static bool ContainerRuntimeAnswers()
    {
        try
        {
            using var info = Process.Start(new ProcessStartInfo("docker", "info") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            return info.WaitForExit(8000) && info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
