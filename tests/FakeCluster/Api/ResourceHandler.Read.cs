using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Printing;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Api;

/// <summary>The read verbs: get (with the scale subresource), list with paging, and watch.</summary>
public sealed partial class ResourceHandler
{
    private async Task GetAsync(HttpContext context, RequestTarget target)
    {
        var obj = store.Get(target.Resource, target.Namespace, target.Name!)
                  ?? throw StatusError.NotFound(target.Resource.Plural, target.Resource.Group, target.Name!);
        if (MediaTypes.TableVersion(context.Request.Headers.Accept) is { } tableVersion)
        {
            await HttpJson.WriteAsync(context, 200, TablePrinter.Build(target.Resource, [obj], tableVersion, IncludeObject(context), clock.Now, new JsonObject { ["resourceVersion"] = obj["metadata"]!["resourceVersion"]?.DeepClone() }));
            return;
        }
        await HttpJson.WriteAsync(context, 200, obj);
    }

    private async Task GetScaleAsync(HttpContext context, RequestTarget target)
    {
        var obj = store.Get(target.Resource, target.Namespace, target.Name!)
                  ?? throw StatusError.NotFound(target.Resource.Plural, target.Resource.Group, target.Name!);
        await HttpJson.WriteAsync(context, 200, ScaleSubresource.From(obj));
    }

    private async Task ListAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var query = ListQuery.From(context.Request, resource);
        var now = clock.Now;
        var page = ListQuery.Page.From(context.Request, now);
        List<(string Key, JsonObject Object)> items;
        long listVersion;
        lock (store.Gate)
        {
            items = store.List(resource, target.Namespace, query.Matches, page.StartAfter).ToList();
            listVersion = page.ListVersion ?? store.ResourceVersion;
        }
        var listMeta = new JsonObject { ["resourceVersion"] = listVersion.ToString(CultureInfo.InvariantCulture) };
        if (page.Limit is { } limit && items.Count > limit)
        {
            listMeta["continue"] = ListQuery.Page.Token(items[limit - 1].Key, listVersion, now);
            listMeta["remainingItemCount"] = items.Count - limit;
            items = items.Take(limit).ToList();
        }
        var objects = items.Select(i => i.Object).ToList();
        if (MediaTypes.TableVersion(context.Request.Headers.Accept) is { } tableVersion)
        {
            await HttpJson.WriteAsync(context, 200, TablePrinter.Build(resource, objects, tableVersion, IncludeObject(context), now, listMeta));
            return;
        }
        await HttpJson.WriteAsync(context, 200, ListObject(resource, objects, listMeta));
    }

    private async Task WatchAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var query = ListQuery.From(context.Request, resource);
        var tableVersion = MediaTypes.TableVersion(context.Request.Headers.Accept);
        var includeObject = IncludeObject(context);
        var bookmarks = context.Request.Query["allowWatchBookmarks"] == "true";
        var versionText = context.Request.Query["resourceVersion"].ToString();
        long? fromVersion = versionText is "" or "0" ? null
            : long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
            : throw StatusError.BadRequest($"invalid resource version: {versionText}");
        var timeout = int.TryParse(context.Request.Query["timeoutSeconds"], out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        deadline.CancelAfter(timeout);
        context.Response.StatusCode = 200;
        context.Response.ContentType = MediaTypes.Json;
        WatchSubscription subscription;
        try
        {
            subscription = store.Watch(resource, target.Namespace, query.Matches, fromVersion);
        }
        catch (ResourceVersionTooOldException e)
        {
            // As on a real server: the watch starts, then says 410 Expired in an ERROR event.
            var status = StatusError.Expired(e.Message).ToStatus();
            await HttpJson.WriteLineAsync(context, new JsonObject { ["type"] = "ERROR", ["object"] = status }, context.RequestAborted);
            return;
        }
        using (subscription)
        using (faults.TrackWatch(context))
        {
            await context.Response.Body.FlushAsync(deadline.Token);
            try
            {
                while (!deadline.IsCancellationRequested)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                    idle.CancelAfter(options.BookmarkInterval);
                    try
                    {
                        await subscription.Events.WaitToReadAsync(idle.Token);
                    }
                    catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
                    {
                        if (bookmarks)
                        {
                            store.Bookmark(subscription);
                        }
                        continue;
                    }
                    while (subscription.Events.TryRead(out var change))
                    {
                        if (change.Type == WatchEventType.Bookmark && !bookmarks)
                        {
                            continue;
                        }
                        var payload = tableVersion is null || change.Type == WatchEventType.Bookmark
                            ? change.Object
                            : TablePrinter.Build(resource, [change.Object], tableVersion, includeObject, clock.Now, new JsonObject { ["resourceVersion"] = change.Object["metadata"]?["resourceVersion"]?.DeepClone() });
                        await HttpJson.WriteLineAsync(context, new JsonObject { ["type"] = change.TypeName, ["object"] = payload.DeepClone() }, deadline.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away, the timeout passed, or the server is stopping: the watch simply ends.
            }
        }
    }
}
