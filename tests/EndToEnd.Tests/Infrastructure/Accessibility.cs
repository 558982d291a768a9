using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// The automated accessibility check of the acceptance: axe-core, run on the page as the
/// user sees it at that step, with the WCAG 2.0 and 2.1 level A and AA rules. Serious and critical
/// violations fail the test; minor and moderate ones are a manual reviewer's business.
/// </summary>
public static class Accessibility
{
    /// <summary>
    /// When set to a file path, violations are appended to that file and do not fail the test: a survey
    /// of every page in one run (the journeys would otherwise stop at the first page that fails).
    /// </summary>
    public const string SurveyFileVariable = "E2E_AXE_SURVEY";

    private static readonly string[] WcagAandAA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly HashSet<string> FailingImpacts = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    private static readonly Lock SurveyLock = new();

    /// <summary>Runs axe on the page as it is now; fails listing rule, impact, element and help of every serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string pageName)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagAandAA] },
        });

        var serious = result.Violations.Where(v => v.Impact is not null && FailingImpacts.Contains(v.Impact)).ToList();
        if (serious.Count == 0)
        {
            return;
        }

        var report = Describe(pageName, page.Url, serious);
        var survey = Environment.GetEnvironmentVariable(SurveyFileVariable);
        if (!string.IsNullOrEmpty(survey))
        {
            lock (SurveyLock)
            {
                File.AppendAllText(survey, report + Environment.NewLine);
            }

            return;
        }

        throw new AccessibilityViolationsException(report);
    }

    private static string Describe(string pageName, string url, IReadOnlyList<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        text.Append("## ").Append(pageName).Append(" (").Append(url).Append("): ")
            .Append(violations.Count).AppendLine(" serious or critical accessibility violation(s)");
        foreach (var violation in violations)
        {
            text.Append("- ").Append(violation.Id).Append(" [").Append(violation.Impact).Append("] ")
                .Append(violation.Help).Append(" (").Append(violation.HelpUrl).AppendLine(")");
            foreach (var node in violation.Nodes)
            {
                text.Append("  - ").Append(node.Target).Append(": ").AppendLine(Squeeze(node.Html));
                // axe's own failure summary: fix any one of the "any" checks, and every "all"/"none" check.
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message);
                text.Append("    ").AppendLine(Squeeze(string.Join(" | ", checks)));
            }
        }

        return text.ToString();
    }

    private static string Squeeze(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class AccessibilityViolationsException(string message) : Exception(message);
