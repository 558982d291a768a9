using Api.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Hosting;

public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            // A limit's answer (Problems.TooManyRequests) carries its wait; browsers and clients read the header.
            if (context.ProblemDetails.Extensions.TryGetValue(Problems.RetryAfterMember, out var wait) && wait is long seconds)
            {
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            // Answers made by the framework (status code pages) carry only a title: add the
            // sentence the SPA shows.
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status400BadRequest => "The request could not be read. Check what you entered and try again.",
                StatusCodes.Status401Unauthorized => "Please sign in to continue.",
                StatusCodes.Status403Forbidden => "You do not have access to this.",
                StatusCodes.Status404NotFound => "Nothing was found at this address.",
                StatusCodes.Status405MethodNotAllowed => "This address does not accept that kind of request.",
                StatusCodes.Status413PayloadTooLarge => "The request is too large. Check what you entered and try again.",
                StatusCodes.Status415UnsupportedMediaType => UnreadableRequestHandler.UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests => "Too many attempts. Wait a few minutes and try again.",
                >= 500 => "Something went wrong on our side. Nothing was changed; please try again in a moment.",
                _ => null,
            };
        });
        services.AddSingleton<RedisSlotMapRefresh>();
        services.AddExceptionHandler<DependencyDownHandler>();
        services.AddExceptionHandler<UnreadableRequestHandler>();
        // Let unreadable bodies reach UnreadableRequestHandler instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}

/// <summary>
/// Turns an outage of Redis or SQL into a 503 with a sentence for the user, never a stack trace.
/// Requests fail closed: nothing is half-written because each write is one transaction.
/// </summary>
internal sealed class DependencyDownHandler(IProblemDetailsService problems, RedisSlotMapRefresh slotMap, ILogger<DependencyDownHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The cause may be wrapped (EF Core, Identity and OpenIddict stores rethrow), so the
        // whole chain is looked at.
        var dependency = Causes(exception).Select(cause => cause switch
        {
            RedisException or RedisTimeoutException => "session cache",
            // A Redis Cluster master just failed over: for a moment the client's slot map still
            // names the old master, now a replica, and refuses to write there; the map is relearnt
            // at once (RedisSlotMapRefresh), so trying again a moment later succeeds.
            RedisCommandException stale when RedisSlotMapRefresh.IsStaleRoute(stale) => "session cache",
            Microsoft.Data.Sqlite.SqliteException or Microsoft.Data.SqlClient.SqlException => "database",
            TimeoutException => "a backing service",
            _ => null,
        }).FirstOrDefault(name => name is not null);
        if (dependency is null)
        {
            return false;
        }

        if (Causes(exception).Any(RedisSlotMapRefresh.IsStaleRoute))
        {
            slotMap.Request();
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

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}

/// <summary>
/// Malformed JSON, wrong field types and oversized bodies: a 4xx with a sentence, never an empty
/// answer or a stack trace. Oversized bodies are cut off by the size limit before they are read.
/// </summary>
internal sealed class UnreadableRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    // Routing refuses a wrong content type before the endpoint is known, so one sentence names both kinds.
    public const string UnsupportedMediaType = "The request must be sent as JSON, or as a form (multipart/form-data) where it carries a file.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request is too large. Check what you entered and try again.",
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
            _ => "The request could not be read. Check what you entered and try again.",
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = "Request not accepted", Detail = detail },
        });
    }
}
