using System.Diagnostics;
using System.Reflection;
using Aspire.Hosting;

namespace EndToEnd.Tests.Stack;

/// <summary>
/// On a machine without a container engine, asking for a container must fail fast with advice,
/// not leave every dependent resource waiting forever, and not bury the advice under a stack trace.
/// </summary>
public sealed class ContainerModeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--Cache:Mode=Container", "Redis container")]
    [InlineData("--Database:Mode=Container", "SQL Server container")]
    public async Task Asking_for_a_container_without_a_runtime_prints_what_to_do_and_exits_with_code_1(string setting, string what)
    {
        if (ContainerRuntimeAnswers())
        {
            // With a container engine the same setting must build an app model with a container in it.
            var withRuntime = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([setting]);
            Assert.Contains(withRuntime.Resources, r => r is Aspire.Hosting.ApplicationModel.ContainerResource);
            return;
        }

        // Exactly what a developer types: `dotnet run --project AppHost -- <setting>`.
        var (exitCode, stderr, elapsed) = await RunAppHostAsync(setting);

        Assert.Equal(1, exitCode);
        Assert.Contains(what, stderr);
        Assert.Contains("Start Docker or Podman", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotContain("   at ", stderr);
        // `dotnet run` itself takes a few seconds of this; the refusal is the rest.
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed.TotalSeconds:F1} s");
    }

    private static async Task<(int ExitCode, string Stderr, TimeSpan Elapsed)> RunAppHostAsync(string setting)
    {
        var configuration = typeof(ContainerModeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "--no-build", "-c", configuration, "--project", Projects.AppHost.ProjectPath, "--", setting })
        {
            start.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var appHost = Process.Start(start)!;
        var stdout = appHost.StandardOutput.ReadToEndAsync();
        var stderr = appHost.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await appHost.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            appHost.Kill(entireProcessTree: true);
            Assert.Fail($"The app host was still running after {Patience.TotalSeconds} s: {await stdout}{await stderr}");
        }

        await stdout;
        return (appHost.ExitCode, await stderr, stopwatch.Elapsed);
    }

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
