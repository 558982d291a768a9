using Api.Shared;
using Scalar.AspNetCore;

namespace Api.Hosting;

public static class ApiPipeline
{
    /// <summary>
    /// The request pipeline, in order: the client's real address first (throttling reads it),
    /// security headers, then errors as ProblemDetails, the cross-site guard before anything that
    /// changes state, the SPA's files, and only then who the caller is and what they may do.
    /// </summary>
    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseNoStore();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCrossSiteRequestGuard();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
            app.MapScalarApiReference();
        }

        app.MapDefaultEndpoints();
        return app;
    }
}
