using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Infrastructure;

public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<DependencyDownHandler>();
        return services;
    }
}

/// <summary>
/// Turns an outage of Redis or SQL into a 503 with a sentence for the user, never a stack trace.
/// Requests fail closed: nothing is half-written because each write is one transaction.
/// </summary>
internal sealed class DependencyDownHandler(IProblemDetailsService problems, ILogger<DependencyDownHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependency = exception switch
        {
            RedisException or RedisTimeoutException => "session cache",
            DbUpdateException or Microsoft.Data.Sqlite.SqliteException or Microsoft.Data.SqlClient.SqlException => "database",
            TimeoutException => "a backing service",
            _ => null,
        };
        if (dependency is null)
        {
            return false;
        }

        logger.LogError(exception, "Request failed because the {Dependency} is unavailable", dependency);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = "The service is temporarily unavailable. Nothing was changed; please try again in a moment.",
            },
        });
    }
}
