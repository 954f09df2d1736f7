namespace PSKube.FakeCluster.Protobuf;

/// <summary>
/// Message tables for the Kubernetes kinds the fake cluster accepts as protobuf. Field numbers come from
/// k8s.io/api {core,apps,batch,rbac,networking,scheduling,policy,authentication}/v1, apimachinery meta/v1 and util/intstr generated.proto; presence follows the
/// Go types (<see cref="Pointer"/> marks <c>*T</c> fields, <see cref="Always"/> fields without omitempty). Rows are in JSON output order; adding a field is one row.
/// Fields left out (status, managedFields, affinity, pod security context...) are skipped as unknown.
/// Status in particular is server-owned: the API server resets it on create, so it is never decoded.
/// </summary>
internal static class KubeProtobufSchema
{
    private const ProtobufPresence Pointer = ProtobufPresence.Pointer;
    private const ProtobufPresence Always = ProtobufPresence.Always;

    /// <summary>The top-level kinds, by apiVersion and kind, with the table that decodes them.</summary>
    public static IReadOnlyDictionary<(string ApiVersion, string Kind), string> TopLevelKinds { get; } =
        new Dictionary<(string ApiVersion, string Kind), string>
        {
            [("apps/v1", "Deployment")] = "Deployment",
            [("batch/v1", "Job")] = "Job",
            [("batch/v1", "CronJob")] = "CronJob",
            [("v1", "Pod")] = "Pod",
            [("v1", "ConfigMap")] = "ConfigMap",
            [("v1", "Secret")] = "Secret",
            [("v1", "Namespace")] = "Namespace",
            [("v1", "Service")] = "Service",
            [("v1", "ServiceAccount")] = "ServiceAccount",
            [("v1", "ResourceQuota")] = "ResourceQuota",
            [("authentication.k8s.io/v1", "TokenRequest")] = "TokenRequest",
            [("rbac.authorization.k8s.io/v1", "Role")] = "Role",
            [("rbac.authorization.k8s.io/v1", "ClusterRole")] = "ClusterRole",
            [("rbac.authorization.k8s.io/v1", "RoleBinding")] = "RoleBinding",
            [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = "ClusterRoleBinding",
            [("networking.k8s.io/v1", "Ingress")] = "Ingress",
            [("networking.k8s.io/v1", "IngressClass")] = "IngressClass",
            [("scheduling.k8s.io/v1", "PriorityClass")] = "PriorityClass",
            [("policy/v1", "PodDisruptionBudget")] = "PodDisruptionBudget",
        };

    private static readonly Dictionary<string, ProtobufMessageType> MessagesByName = Index(
    [
        // apimachinery meta/v1
        new("ObjectMeta",
        [
            Str(1, "name"),
            Str(2, "generateName"),
            Str(3, "namespace"),
            Str(4, "selfLink"),
            Str(5, "uid"),
            Str(6, "resourceVersion"),
            I64(7, "generation"),
            Time(8, "creationTimestamp"),
            Time(9, "deletionTimestamp", Pointer),
            I64(10, "deletionGracePeriodSeconds", Pointer),
            StringMap(11, "labels"),
            StringMap(12, "annotations"),
            Messages(13, "ownerReferences", "OwnerReference"),
            Strings(14, "finalizers"),
        ]),
        new("OwnerReference",
        [
            Str(5, "apiVersion"),
            Str(1, "kind"),
            Str(3, "name"),
            Str(4, "uid"),
            Bool(6, "controller", Pointer),
            Bool(7, "blockOwnerDeletion", Pointer),
        ]),
        new("LabelSelector",
        [
            StringMap(1, "matchLabels"),
            Messages(2, "matchExpressions", "LabelSelectorRequirement"),
        ]),
        new("LabelSelectorRequirement",
        [
            Str(1, "key"),
            Str(2, "operator"),
            Strings(3, "values"),
        ]),

        // apps/v1
        new("Deployment",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "DeploymentSpec"),
        ]),
        new("DeploymentSpec",
        [
            I32(1, "replicas", Pointer),
            Message(2, "selector", "LabelSelector", Pointer),
            Message(3, "template", "PodTemplateSpec"),
            Message(4, "strategy", "DeploymentStrategy"),
            I32(5, "minReadySeconds"),
            I32(6, "revisionHistoryLimit", Pointer),
            Bool(7, "paused"),
            I32(9, "progressDeadlineSeconds", Pointer),
        ]),
        new("DeploymentStrategy",
        [
            Str(1, "type"),
            Message(2, "rollingUpdate", "RollingUpdateDeployment", Pointer),
        ]),
        new("RollingUpdateDeployment",
        [
            IntOrStr(1, "maxUnavailable", Pointer),
            IntOrStr(2, "maxSurge", Pointer),
        ]),

        // batch/v1
        new("Job",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "JobSpec"),
        ]),
        new("JobSpec",
        [
            I32(1, "parallelism", Pointer),
            I32(2, "completions", Pointer),
            I64(3, "activeDeadlineSeconds", Pointer),
            I32(7, "backoffLimit", Pointer),
            I32(12, "backoffLimitPerIndex", Pointer),
            I32(13, "maxFailedIndexes", Pointer),
            Message(4, "selector", "LabelSelector", Pointer),
            Bool(5, "manualSelector", Pointer),
            Message(6, "template", "PodTemplateSpec"),
            I32(8, "ttlSecondsAfterFinished", Pointer),
            Str(9, "completionMode", Pointer),
            Bool(10, "suspend", Pointer),
            Str(14, "podReplacementPolicy", Pointer),
            Str(15, "managedBy", Pointer),
        ]),
        new("CronJob",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "CronJobSpec"),
        ]),
        new("CronJobSpec",
        [
            Str(1, "schedule"),
            Str(8, "timeZone", Pointer),
            I64(2, "startingDeadlineSeconds", Pointer),
            Str(3, "concurrencyPolicy"),
            Bool(4, "suspend", Pointer),
            Message(5, "jobTemplate", "JobTemplateSpec"),
            I32(6, "successfulJobsHistoryLimit", Pointer),
            I32(7, "failedJobsHistoryLimit", Pointer),
        ]),
        new("JobTemplateSpec",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "JobSpec"),
        ]),

        // core/v1 objects
        new("Pod",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "PodSpec"),
        ]),
        new("ConfigMap",
        [
            Message(1, "metadata", "ObjectMeta"),
            Bool(4, "immutable", Pointer),
            StringMap(2, "data"),
            BytesMap(3, "binaryData"),
        ]),
        new("Secret",
        [
            Message(1, "metadata", "ObjectMeta"),
            Bool(5, "immutable", Pointer),
            BytesMap(2, "data"),
            StringMap(4, "stringData"),
            Str(3, "type"),
        ]),
        new("Namespace",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "NamespaceSpec"),
        ]),
        new("NamespaceSpec",
        [
            Strings(1, "finalizers"),
        ]),

        new("Service",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "ServiceSpec"),
        ]),
        new("ServiceSpec",
        [
            Messages(1, "ports", "ServicePort"),
            StringMap(2, "selector"),
            Str(3, "clusterIP"),
            Strings(18, "clusterIPs"),
            Str(4, "type"),
            Strings(5, "externalIPs"),
            Str(7, "sessionAffinity"),
            Str(8, "loadBalancerIP"),
            Strings(9, "loadBalancerSourceRanges"),
            Str(10, "externalName"),
            Str(11, "externalTrafficPolicy"),
            I32(12, "healthCheckNodePort"),
            Bool(13, "publishNotReadyAddresses"),
            Message(14, "sessionAffinityConfig", "SessionAffinityConfig", Pointer),
            Strings(19, "ipFamilies"),
            Str(17, "ipFamilyPolicy", Pointer),
            Bool(20, "allocateLoadBalancerNodePorts", Pointer),
            Str(21, "loadBalancerClass", Pointer),
            Str(22, "internalTrafficPolicy", Pointer),
            Str(23, "trafficDistribution", Pointer),
        ]),
        new("ServicePort",
        [
            Str(1, "name"),
            Str(2, "protocol"),
            Str(6, "appProtocol", Pointer),
            I32(3, "port", Always),
            IntOrStr(4, "targetPort"),
            I32(5, "nodePort"),
        ]),
        new("SessionAffinityConfig",
        [
            Message(1, "clientIP", "ClientIPConfig", Pointer),
        ]),
        new("ClientIPConfig",
        [
            I32(1, "timeoutSeconds", Pointer),
        ]),
        new("ServiceAccount",
        [
            Message(1, "metadata", "ObjectMeta"),
            Messages(2, "secrets", "ObjectReference"),
            Messages(3, "imagePullSecrets", "LocalObjectReference"),
            Bool(4, "automountServiceAccountToken", Pointer),
        ]),
        new("ObjectReference",
        [
            Str(1, "kind"),
            Str(2, "namespace"),
            Str(3, "name"),
            Str(4, "uid"),
            Str(5, "apiVersion"),
            Str(6, "resourceVersion"),
            Str(7, "fieldPath"),
        ]),
        new("ResourceQuota",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "ResourceQuotaSpec"),
        ]),
        new("ResourceQuotaSpec",
        [
            QuantityMap(1, "hard"),
            Strings(2, "scopes"),
            Message(3, "scopeSelector", "ScopeSelector", Pointer),
        ]),
        new("ScopeSelector",
        [
            Messages(1, "matchExpressions", "ScopedResourceSelectorRequirement"),
        ]),
        new("ScopedResourceSelectorRequirement",
        [
            Str(1, "scopeName"),
            Str(2, "operator"),
            Strings(3, "values"),
        ]),
        new("TypedLocalObjectReference",
        [
            Str(1, "apiGroup", Pointer),
            Str(2, "kind"),
            Str(3, "name"),
        ]),

        // authentication/v1 (the serviceaccounts/token subresource; status is the server's answer)
        new("TokenRequest",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "TokenRequestSpec"),
        ]),
        new("TokenRequestSpec",
        [
            Strings(1, "audiences"),
            I64(4, "expirationSeconds", Pointer),
            Message(3, "boundObjectRef", "BoundObjectReference", Pointer),
        ]),
        new("BoundObjectReference",
        [
            Str(1, "kind"),
            Str(2, "apiVersion"),
            Str(3, "name"),
            Str(4, "uid"),
        ]),

        // rbac.authorization.k8s.io/v1
        new("Role",
        [
            Message(1, "metadata", "ObjectMeta"),
            Messages(2, "rules", "PolicyRule"),
        ]),
        new("ClusterRole",
        [
            Message(1, "metadata", "ObjectMeta"),
            Messages(2, "rules", "PolicyRule"),
            Message(3, "aggregationRule", "AggregationRule", Pointer),
        ]),
        new("PolicyRule",
        [
            Strings(1, "verbs"),
            Strings(2, "apiGroups"),
            Strings(3, "resources"),
            Strings(4, "resourceNames"),
            Strings(5, "nonResourceURLs"),
        ]),
        new("AggregationRule",
        [
            Messages(1, "clusterRoleSelectors", "LabelSelector"),
        ]),
        new("RoleBinding",
        [
            Message(1, "metadata", "ObjectMeta"),
            Messages(2, "subjects", "Subject"),
            Message(3, "roleRef", "RoleRef", Always),
        ]),
        new("ClusterRoleBinding",
        [
            Message(1, "metadata", "ObjectMeta"),
            Messages(2, "subjects", "Subject"),
            Message(3, "roleRef", "RoleRef", Always),
        ]),
        new("Subject",
        [
            Str(1, "kind", Always),
            Str(2, "apiGroup"),
            Str(3, "name", Always),
            Str(4, "namespace"),
        ]),
        new("RoleRef",
        [
            Str(1, "apiGroup", Always),
            Str(2, "kind", Always),
            Str(3, "name", Always),
        ]),

        // networking.k8s.io/v1
        new("Ingress",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "IngressSpec"),
        ]),
        new("IngressSpec",
        [
            Str(4, "ingressClassName", Pointer),
            Message(1, "defaultBackend", "IngressBackend", Pointer),
            Messages(2, "tls", "IngressTLS"),
            Messages(3, "rules", "IngressRule"),
        ]),
        new("IngressBackend",
        [
            Message(4, "service", "IngressServiceBackend", Pointer),
            Message(3, "resource", "TypedLocalObjectReference", Pointer),
        ]),
        new("IngressServiceBackend",
        [
            Str(1, "name", Always),
            Message(2, "port", "ServiceBackendPort", Always),
        ]),
        new("ServiceBackendPort",
        [
            Str(1, "name"),
            I32(2, "number"),
        ]),
        new("IngressTLS",
        [
            Strings(1, "hosts"),
            Str(2, "secretName"),
        ]),
        new("IngressRule",
        [
            Str(1, "host"),
            Inline(2, "IngressRuleValue"),
        ]),
        new("IngressRuleValue",
        [
            Message(1, "http", "HTTPIngressRuleValue", Pointer),
        ]),
        new("HTTPIngressRuleValue",
        [
            Messages(1, "paths", "HTTPIngressPath"),
        ]),
        new("HTTPIngressPath",
        [
            Str(1, "path"),
            Str(3, "pathType", Pointer),
            Message(2, "backend", "IngressBackend", Always),
        ]),
        new("IngressClass",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "IngressClassSpec"),
        ]),
        new("IngressClassSpec",
        [
            Str(1, "controller"),
            Message(2, "parameters", "IngressClassParametersReference", Pointer),
        ]),
        new("IngressClassParametersReference",
        [
            Str(1, "apiGroup", Pointer),
            Str(2, "kind"),
            Str(3, "name"),
            Str(4, "scope", Pointer),
            Str(5, "namespace", Pointer),
        ]),

        // scheduling.k8s.io/v1
        new("PriorityClass",
        [
            Message(1, "metadata", "ObjectMeta"),
            I32(2, "value", Always),
            Bool(3, "globalDefault"),
            Str(4, "description"),
            Str(5, "preemptionPolicy", Pointer),
        ]),

        // policy/v1
        new("PodDisruptionBudget",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "PodDisruptionBudgetSpec"),
        ]),
        new("PodDisruptionBudgetSpec",
        [
            IntOrStr(1, "minAvailable", Pointer),
            Message(2, "selector", "LabelSelector", Pointer),
            IntOrStr(3, "maxUnavailable", Pointer),
            Str(4, "unhealthyPodEvictionPolicy", Pointer),
        ]),

        // core/v1 pod template
        new("PodTemplateSpec",
        [
            Message(1, "metadata", "ObjectMeta"),
            Message(2, "spec", "PodSpec"),
        ]),
        new("PodSpec",
        [
            Messages(1, "volumes", "Volume"),
            Messages(20, "initContainers", "Container"),
            Messages(2, "containers", "Container"),
            Str(3, "restartPolicy"),
            I64(4, "terminationGracePeriodSeconds", Pointer),
            I64(5, "activeDeadlineSeconds", Pointer),
            Str(6, "dnsPolicy"),
            StringMap(7, "nodeSelector"),
            Str(8, "serviceAccountName"),
            Str(9, "serviceAccount"),
            Bool(21, "automountServiceAccountToken", Pointer),
            Str(10, "nodeName"),
            Bool(11, "hostNetwork"),
            Bool(12, "hostPID"),
            Bool(13, "hostIPC"),
            Bool(27, "shareProcessNamespace", Pointer),
            Messages(15, "imagePullSecrets", "LocalObjectReference"),
            Str(16, "hostname"),
            Str(17, "subdomain"),
            Str(19, "schedulerName"),
            Messages(22, "tolerations", "Toleration"),
            Str(24, "priorityClassName"),
            I32(25, "priority", Pointer),
            Str(29, "runtimeClassName", Pointer),
            Bool(30, "enableServiceLinks", Pointer),
            Str(31, "preemptionPolicy", Pointer),
            Bool(35, "setHostnameAsFQDN", Pointer),
            Bool(37, "hostUsers", Pointer),
        ]),
        new("Toleration",
        [
            Str(1, "key"),
            Str(2, "operator"),
            Str(3, "value"),
            Str(4, "effect"),
            I64(5, "tolerationSeconds", Pointer),
        ]),
        new("LocalObjectReference",
        [
            Str(1, "name"),
        ]),
        new("Volume",
        [
            Str(1, "name"),
            Inline(2, "VolumeSource"),
        ]),
        new("VolumeSource",
        [
            Message(1, "hostPath", "HostPathVolumeSource", Pointer),
            Message(2, "emptyDir", "EmptyDirVolumeSource", Pointer),
            Message(6, "secret", "SecretVolumeSource", Pointer),
            Message(10, "persistentVolumeClaim", "PersistentVolumeClaimVolumeSource", Pointer),
            Message(19, "configMap", "ConfigMapVolumeSource", Pointer),
        ]),
        new("HostPathVolumeSource",
        [
            Str(1, "path"),
            Str(2, "type", Pointer),
        ]),
        new("EmptyDirVolumeSource",
        [
            Str(1, "medium"),
            Quantity(2, "sizeLimit", Pointer),
        ]),
        new("SecretVolumeSource",
        [
            Str(1, "secretName"),
            Messages(2, "items", "KeyToPath"),
            I32(3, "defaultMode", Pointer),
            Bool(4, "optional", Pointer),
        ]),
        new("PersistentVolumeClaimVolumeSource",
        [
            Str(1, "claimName"),
            Bool(2, "readOnly"),
        ]),
        new("ConfigMapVolumeSource",
        [
            Inline(1, "LocalObjectReference"),
            Messages(2, "items", "KeyToPath"),
            I32(3, "defaultMode", Pointer),
            Bool(4, "optional", Pointer),
        ]),
        new("KeyToPath",
        [
            Str(1, "key"),
            Str(2, "path"),
            I32(3, "mode", Pointer),
        ]),

        // core/v1 containers
        new("Container",
        [
            Str(1, "name"),
            Str(2, "image"),
            Strings(3, "command"),
            Strings(4, "args"),
            Str(5, "workingDir"),
            Messages(6, "ports", "ContainerPort"),
            Messages(19, "envFrom", "EnvFromSource"),
            Messages(7, "env", "EnvVar"),
            Message(8, "resources", "ResourceRequirements"),
            Str(24, "restartPolicy", Pointer),
            Messages(9, "volumeMounts", "VolumeMount"),
            Message(10, "livenessProbe", "Probe", Pointer),
            Message(11, "readinessProbe", "Probe", Pointer),
            Message(22, "startupProbe", "Probe", Pointer),
            Str(13, "terminationMessagePath"),
            Str(20, "terminationMessagePolicy"),
            Str(14, "imagePullPolicy"),
            Message(15, "securityContext", "SecurityContext", Pointer),
            Bool(16, "stdin"),
            Bool(17, "stdinOnce"),
            Bool(18, "tty"),
        ]),
        new("ContainerPort",
        [
            Str(1, "name"),
            I32(2, "hostPort"),
            I32(3, "containerPort"),
            Str(4, "protocol"),
            Str(5, "hostIP"),
        ]),
        new("EnvFromSource",
        [
            Str(1, "prefix"),
            Message(2, "configMapRef", "ConfigMapEnvSource", Pointer),
            Message(3, "secretRef", "SecretEnvSource", Pointer),
        ]),
        new("ConfigMapEnvSource",
        [
            Inline(1, "LocalObjectReference"),
            Bool(2, "optional", Pointer),
        ]),
        new("SecretEnvSource",
        [
            Inline(1, "LocalObjectReference"),
            Bool(2, "optional", Pointer),
        ]),
        new("EnvVar",
        [
            Str(1, "name"),
            Str(2, "value"),
            Message(3, "valueFrom", "EnvVarSource", Pointer),
        ]),
        new("EnvVarSource",
        [
            Message(1, "fieldRef", "ObjectFieldSelector", Pointer),
            Message(2, "resourceFieldRef", "ResourceFieldSelector", Pointer),
            Message(3, "configMapKeyRef", "ConfigMapKeySelector", Pointer),
            Message(4, "secretKeyRef", "SecretKeySelector", Pointer),
        ]),
        new("ObjectFieldSelector",
        [
            Str(1, "apiVersion"),
            Str(2, "fieldPath"),
        ]),
        new("ResourceFieldSelector",
        [
            Str(1, "containerName"),
            Str(2, "resource"),
            Quantity(3, "divisor"),
        ]),
        new("ConfigMapKeySelector",
        [
            Inline(1, "LocalObjectReference"),
            Str(2, "key"),
            Bool(3, "optional", Pointer),
        ]),
        new("SecretKeySelector",
        [
            Inline(1, "LocalObjectReference"),
            Str(2, "key"),
            Bool(3, "optional", Pointer),
        ]),
        new("ResourceRequirements",
        [
            QuantityMap(1, "limits"),
            QuantityMap(2, "requests"),
            Messages(3, "claims", "ResourceClaim"),
        ]),
        new("ResourceClaim",
        [
            Str(1, "name"),
            Str(2, "request"),
        ]),
        new("VolumeMount",
        [
            Str(1, "name"),
            Bool(2, "readOnly"),
            Str(7, "recursiveReadOnly", Pointer),
            Str(3, "mountPath"),
            Str(4, "subPath"),
            Str(5, "mountPropagation", Pointer),
            Str(6, "subPathExpr"),
        ]),
        new("Probe",
        [
            Inline(1, "ProbeHandler"),
            I32(2, "initialDelaySeconds"),
            I32(3, "timeoutSeconds"),
            I32(4, "periodSeconds"),
            I32(5, "successThreshold"),
            I32(6, "failureThreshold"),
            I64(7, "terminationGracePeriodSeconds", Pointer),
        ]),
        new("ProbeHandler",
        [
            Message(1, "exec", "ExecAction", Pointer),
            Message(2, "httpGet", "HTTPGetAction", Pointer),
            Message(3, "tcpSocket", "TCPSocketAction", Pointer),
            Message(4, "grpc", "GRPCAction", Pointer),
        ]),
        new("ExecAction",
        [
            Strings(1, "command"),
        ]),
        new("HTTPGetAction",
        [
            Str(1, "path"),
            IntOrStr(2, "port"),
            Str(3, "host"),
            Str(4, "scheme"),
            Messages(5, "httpHeaders", "HTTPHeader"),
        ]),
        new("HTTPHeader",
        [
            Str(1, "name"),
            Str(2, "value"),
        ]),
        new("TCPSocketAction",
        [
            IntOrStr(1, "port"),
            Str(2, "host"),
        ]),
        new("GRPCAction",
        [
            I32(1, "port"),
            Str(2, "service", Pointer),
        ]),
        new("SecurityContext",
        [
            Message(1, "capabilities", "Capabilities", Pointer),
            Bool(2, "privileged", Pointer),
            I64(4, "runAsUser", Pointer),
            I64(8, "runAsGroup", Pointer),
            Bool(5, "runAsNonRoot", Pointer),
            Bool(6, "readOnlyRootFilesystem", Pointer),
            Bool(7, "allowPrivilegeEscalation", Pointer),
            Str(9, "procMount", Pointer),
            Message(11, "seccompProfile", "SeccompProfile", Pointer),
        ]),
        new("Capabilities",
        [
            Strings(1, "add"),
            Strings(2, "drop"),
        ]),
        new("SeccompProfile",
        [
            Str(1, "type"),
            Str(2, "localhostProfile", Pointer),
        ]),
    ]);

    public static ProtobufMessageType Get(string name) => MessagesByName[name];

    // A table naming a message that has no table is a programming error: fail on first use, not on some request.
    private static Dictionary<string, ProtobufMessageType> Index(IEnumerable<ProtobufMessageType> messages)
    {
        var byName = messages.ToDictionary(message => message.Name);
        var missing = byName.Values
            .SelectMany(message => message.Fields)
            .Select(field => field.MessageType)
            .Concat(TopLevelKinds.Values)
            .OfType<string>()
            .Where(name => !byName.ContainsKey(name))
            .Distinct()
            .ToList();
        return missing.Count == 0
            ? byName
            : throw new InvalidOperationException($"Protobuf message tables are missing for: {string.Join(", ", missing)}.");
    }

    private static ProtobufField Str(int number, string jsonName, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.String, presence);

    private static ProtobufField I32(int number, string jsonName, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.Int32, presence);

    private static ProtobufField I64(int number, string jsonName, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.Int64, presence);

    private static ProtobufField Bool(int number, string jsonName, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.Bool, presence);

    private static ProtobufField Time(int number, string jsonName, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.Time, presence);

    private static ProtobufField IntOrStr(int number, string jsonName, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.IntOrString, presence);

    private static ProtobufField Quantity(int number, string jsonName, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.Quantity, presence);

    private static ProtobufField Message(int number, string jsonName, string messageType, ProtobufPresence presence = default) =>
        new(number, jsonName, ProtobufFieldKind.Message, presence, MessageType: messageType);

    private static ProtobufField Inline(int number, string messageType) =>
        new(number, string.Empty, ProtobufFieldKind.InlineMessage, MessageType: messageType);

    private static ProtobufField Strings(int number, string jsonName) =>
        new(number, jsonName, ProtobufFieldKind.String, Repeated: true);

    private static ProtobufField Messages(int number, string jsonName, string messageType) =>
        new(number, jsonName, ProtobufFieldKind.Message, Repeated: true, MessageType: messageType);

    private static ProtobufField StringMap(int number, string jsonName) =>
        new(number, jsonName, ProtobufFieldKind.Map, MapValueKind: ProtobufFieldKind.String);

    private static ProtobufField QuantityMap(int number, string jsonName) =>
        new(number, jsonName, ProtobufFieldKind.Map, MapValueKind: ProtobufFieldKind.Quantity);

    private static ProtobufField BytesMap(int number, string jsonName) =>
        new(number, jsonName, ProtobufFieldKind.Map, MapValueKind: ProtobufFieldKind.Bytes);
}
