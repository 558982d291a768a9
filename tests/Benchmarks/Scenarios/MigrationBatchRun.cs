using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Benchmarks.Orchestration;
using Benchmarks.Report;

namespace Benchmarks.Scenarios;

/// <summary>
/// The seeded batch of legacy users started as an operator starts it (POST …/run, "Run now") and
/// followed on its detail page's API until completed. The time is the batch's own: its startedAt →
/// completedAt, as the runner recorded them (no polling delay). No e-mail: migration sends none.
/// </summary>
public static class MigrationBatchRun
{
    public static async Task RunAsync(BenchStack stack, string operatorToken, ResultTable table, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = stack.Api.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", operatorToken);
        var batch = $"api/admin/migration/batches/{stack.Seed.MigrationBatchId}";
        using (var run = await http.PostAsync($"{batch}/run", null, cancellationToken))
        {
            if (run.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Run now answered {(int)run.StatusCode}: {await run.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        var deadline = DateTime.UtcNow.AddMinutes(5);
        JsonElement detail;
        do
        {
            await Task.Delay(500, cancellationToken);
            detail = await http.GetFromJsonAsync<JsonElement>(batch, cancellationToken);
        }
        while (detail.GetProperty("status").GetString() != "completed" && DateTime.UtcNow < deadline);

        var completed = detail.GetProperty("status").GetString() == "completed";
        var counts = detail.GetProperty("counts");
        var migrated = counts.GetProperty("migrated").GetInt32();
        var failed = counts.GetProperty("failed").GetInt32();
        var seconds = completed
            ? (detail.GetProperty("completedAt").GetDateTime() - detail.GetProperty("startedAt").GetDateTime()).TotalSeconds
            : double.NaN;
        var users = stack.Seed.MigrationUsers;
        if (failed > 0)
        {
            // Why, in the runner's own words (the first few), so a FAIL explains itself.
            var failures = await http.GetFromJsonAsync<JsonElement>($"{batch}/results?status=failed&pageSize=3", cancellationToken);
            foreach (var item in failures.GetProperty("items").EnumerateArray())
            {
                Console.WriteLine($"  failed: {item.GetProperty("email").GetString()}: {item.GetProperty("reason").GetString()}");
            }
        }

        table.Add(new ReportRow(
            $"Migration batch of {users:N0} users (Run now)",
            completed ? $"{seconds:0.0} s ({migrated / seconds:N0} users/s)" : "not completed within 5 min",
            $"{migrated:N0} migrated, {failed:N0} failed",
            "-",
            "≤ 60 s, all migrated",
            completed && seconds <= 60 && migrated == users));
    }
}
