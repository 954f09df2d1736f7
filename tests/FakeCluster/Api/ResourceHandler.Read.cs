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
        var stored = store.Stored(target.Resource, target.Namespace, target.Name!)
                     ?? throw StatusError.NotFound(target.Resource.Plural, target.Resource.Group, target.Name!);
        if (MediaTypes.TableVersion(context.Request.Headers.Accept) is { } tableVersion)
        {
            var listMeta = new JsonObject { ["resourceVersion"] = stored.Object["metadata"]!["resourceVersion"]?.DeepClone() };
            await HttpJson.WriteAsync(context, 200, writer => TablePrinter.Write(writer, target.Resource, [stored], tableVersion, IncludeObject(context), clock.Now, listMeta));
            return;
        }
        await HttpJson.WriteAsync(context, 200, writer => writer.WriteRawValue(stored.Json.Span, skipInputValidation: true));
    }

    private async Task GetScaleAsync(HttpContext context, RequestTarget target)
    {
        var obj = store.Get(target.Resource, target.Namespace, target.Name!)
                  ?? throw StatusError.NotFound(target.Resource.Plural, target.Resource.Group, target.Name!);
        await HttpJson.WriteAsync(context, 200, ScaleSubresource.From(obj));
    }

    /// <summary>
    /// A list, paged as the API server pages etcd: the first page reads a snapshot of the resource and each continue
    /// token names that snapshot and the key to go on from, so every page reads the objects as they were at the
    /// list's resourceVersion and each page reads only its own stretch of keys.
    /// </summary>
    private async Task ListAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var query = ListQuery.From(context.Request, resource);
        var keyPrefix = resource.Namespaced && target.Namespace is { } ns ? ns + "/" : "";
        var page = ListQuery.Page.From(context.Request, keyPrefix);
        var snapshot = page.ListVersion is long version && version > 0
            ? store.Kept(resource, version) ?? throw page.Expired(keyPrefix)
            : store.Read(resource);
        var read = snapshot.Page(target.Namespace, page.FromKey, query.Matches, page.Limit);
        var listMeta = new JsonObject { ["resourceVersion"] = snapshot.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (read.LastKey is { } lastKey)
        {
            store.Keep(snapshot);
            listMeta["continue"] = ListQuery.Page.Token(lastKey, keyPrefix, snapshot.ResourceVersion);
            if (query.SelectsEverything)
            {
                listMeta["remainingItemCount"] = read.Remaining;
            }
        }
        if (MediaTypes.TableVersion(context.Request.Headers.Accept) is { } tableVersion)
        {
            var now = clock.Now;
            var includeObject = IncludeObject(context);
            await HttpJson.WriteAsync(context, 200, TablePrinter.Parts(resource, read.Items, tableVersion, includeObject, now, listMeta));
            return;
        }
        await HttpJson.WriteListAsync(context, resource.Kind + "List", resource.ApiVersion, listMeta, read.Items);
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
            await HttpJson.WriteEventAsync(context, "ERROR", status, context.RequestAborted);
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
                        if (tableVersion is null || change.Type == WatchEventType.Bookmark)
                        {
                            await HttpJson.WriteEventAsync(context, change.TypeName, change.Object, deadline.Token);
                            continue;
                        }
                        var now = clock.Now;
                        var listMeta = new JsonObject { ["resourceVersion"] = change.Object["metadata"]?["resourceVersion"]?.DeepClone() };
                        await HttpJson.WriteEventAsync(context, change.TypeName,
                            writer => TablePrinter.Write(writer, resource, [StoredObject.Of(change.Object)], tableVersion, includeObject, now, listMeta), deadline.Token);
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
