using Microsoft.Extensions.FileProviders;

namespace Nija.Api.Hosting;

/// <summary>
/// The dashboard's built files (api/web/dist, made by the api project's build): served at "/" and
/// its assets, and looked up only off the API's paths so that API calls never probe the disk.
/// Nija:Web:Root points elsewhere (tests, a published layout).
/// </summary>
internal static class DashboardFiles
{
    public static IApplicationBuilder UseDashboard(this WebApplication app)
    {
        var root = app.Configuration["Nija:Web:Root"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : new[] { Path.Combine(app.Environment.ContentRootPath, "web", "dist"), Path.Combine(AppContext.BaseDirectory, "web") }.FirstOrDefault(Directory.Exists);
        if (root is null || !Directory.Exists(root))
        {
            return app; // an API-only node (or the build has not made the dashboard yet)
        }

        var files = new PhysicalFileProvider(root);
        return app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && !c.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal),
            web => web.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files }).UseStaticFiles(new StaticFileOptions { FileProvider = files }));
    }
}
