#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# ConvertFrom/To-KubeYaml and ConvertFrom/To-KubeJson need no cluster; the last part compares them with kubectl
# against a fake cluster (CI sets PSKUBE_REQUIRE_KUBECTL=1 and runs it; without kubectl it is skipped elsewhere).
BeforeDiscovery {
    $skipKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    $manifest = @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  port: "8080"
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: gizmo
spec:
  size: 3
'@
}

Describe 'ConvertFrom-KubeYaml / ConvertTo-KubeYaml' {
    It 'reads each document into an object of its kind' {
        $objects = $manifest | ConvertFrom-KubeYaml
        $objects.Count | Should -Be 2
        $objects[0].Kind | Should -Be 'ConfigMap'
        $objects[0].Data['port'] | Should -Be '8080'
        $objects[1].Name | Should -Be 'gizmo'
    }

    It 'joins lines piped one by one' {
        $objects = $manifest -split "`n" | ConvertFrom-KubeYaml
        $objects.Count | Should -Be 2
    }

    It 'writes them back as one manifest' {
        $yaml = $manifest | ConvertFrom-KubeYaml | ConvertTo-KubeYaml
        $yaml | Should -Match 'port: "8080"'
        $yaml | Should -Match '(?m)^---$'
    }

    It 'reports bad YAML as InvalidKubeYaml' {
        "kind: [broken" | ConvertFrom-KubeYaml -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubeYaml*'
    }
}

Describe 'Limits and error positions' {
    BeforeAll {
        # The "billion laughs": each line nine aliases of the one before, 9^9 strings once expanded.
        $bomb = @('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
        foreach ($i in 1..8) {
            $letter = [char]([int][char]'a' + $i); $previous = [char]([int][char]'a' + $i - 1)
            $bomb += "  ${letter}: &$letter [$((@("*$previous") * 9) -join ',')]"
        }
        $bomb = $bomb -join "`n"
    }

    It 'refuses an alias bomb at once, as kubectl does' {
        $elapsed = Measure-Command { $bomb | ConvertFrom-KubeYaml -ErrorVariable failure -ErrorAction SilentlyContinue }
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubeYaml*'
        $failure[0].Exception.Message | Should -BeLike 'line *, column *: document contains excessive aliasing*'
        $elapsed.TotalSeconds | Should -BeLessThan 1
    }

    It 'still reads a manifest with a few aliases' {
        $pod = "apiVersion: v1`nkind: Pod`nmetadata:`n  name: web`n  labels: &l {app: web}`n  annotations: *l" | ConvertFrom-KubeYaml
        $pod.Metadata.Annotations['app'] | Should -Be 'web'
    }

    It 'refuses a kubeconfig holding an alias bomb at once' {
        $path = Join-Path $TestDrive 'bomb.kubeconfig'
        "apiVersion: v1`nkind: Config`npreferences:`n  extensions:`n  - name: x`n    extension:`n" + (($bomb -split "`n" | Select-Object -Skip 4 | ForEach-Object { '      ' + $_.Trim() }) -join "`n") | Set-Content $path
        $elapsed = Measure-Command { { Get-KubeContext -KubeConfig $path } | Should -Throw -ErrorId 'KubeConfigUnusable*' -ExpectedMessage "*${path}:*: document contains excessive aliasing*" }
        $elapsed.TotalSeconds | Should -BeLessThan 1
    }

    It 'points at the line and column of a tab in the indentation of a file' {
        $path = Join-Path $TestDrive 'tab.yaml'
        "apiVersion: v1`nkind: Pod`nmetadata:`n`tname: web" | Set-Content $path
        ConvertFrom-KubeYaml -Path $path -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubeYaml*'
        $failure[0].TargetObject | Should -Be $path
        $failure[0].Exception.Message | Should -Be "${path}:4:1: found a tab character in the indentation; YAML indents with spaces only"
    }

    It 'names a field of the wrong type as the manifest does, never a .NET type' {
        $path = Join-Path $TestDrive 'ports.yaml'
        "apiVersion: v1`nkind: Pod`nmetadata: {name: web}`nspec:`n  containers:`n  - name: web`n    image: nginx`n    ports: `"80`"" | Set-Content $path
        ConvertFrom-KubeYaml -Path $path -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Be "${path}:8:12: document 1 (Pod): spec.containers[0].ports: expected a list, got a string `"80`""
        "apiVersion: v1`nkind: Pod`nspec:`n  containers:`n  - nginx" | ConvertFrom-KubeYaml -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Be 'line 5, column 5: document 1 (Pod): spec.containers[0]: expected a map, got a string "nginx"'
    }

    It 'says file:line:column and the field for JSON too' {
        $path = Join-Path $TestDrive 'pod.json'
        "{`n  `"apiVersion`": `"v1`", `"kind`": `"Pod`",`n  `"spec`": {`"containers`": 5}`n}" | Set-Content $path
        ConvertFrom-KubeJson -Path $path -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubeJson*'
        $failure[0].Exception.Message | Should -Be "${path}:3:26: value 1 (Pod): spec.containers: expected a list, got a number (5)"
    }
}

Describe 'ConvertTo-KubeYaml -Stream / -IncludeManagedFields' {
    BeforeAll {
        $withManager = @'
{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"one","managedFields":[{"manager":"kubectl-create","operation":"Update"}]},"data":{"enabled":"yes"}}
'@
    }

    It 'writes several objects as one text of documents, or one text each with -Stream' {
        $objects = $manifest | ConvertFrom-KubeYaml
        @($objects | ConvertTo-KubeYaml).Count | Should -Be 1
        $each = @($objects | ConvertTo-KubeYaml -Stream)
        $each.Count | Should -Be 2
        $each[1] | Should -BeLike 'apiVersion: example.com/v1*'
        $each[1] | Should -Not -Match '(?m)^---$'
    }

    It 'leaves managedFields out unless asked' {
        $configMap = $withManager | ConvertFrom-KubeJson
        $configMap | ConvertTo-KubeYaml | Should -Not -Match 'managedFields'
        $configMap | ConvertTo-KubeYaml -IncludeManagedFields | Should -Match '(?m)^  managedFields:$'
        $configMap | ConvertTo-KubeYaml | Should -Match 'enabled: "yes"'
    }

    It 'quotes every string of the table so that it reads back the same' {
        $strings = (Get-Content (Join-Path $PSScriptRoot '../Data/yaml-tricky-strings.json') -Raw | ConvertFrom-Json).strings
        $configMap = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"tricky"},"data":{}}' | ConvertFrom-KubeJson
        for ($i = 0; $i -lt $strings.Count; $i++) { $configMap.Data["v$i"] = $strings[$i] }
        $back = $configMap | ConvertTo-KubeYaml | ConvertFrom-KubeYaml
        for ($i = 0; $i -lt $strings.Count; $i++) { $back.Data["v$i"] | Should -BeExactly $strings[$i] }
        $configMap | ConvertTo-KubeYaml | Should -Match '(?m)^  v0: "yes"$'
    }
}

Describe 'ConvertTo-KubeJson / ConvertFrom-KubeJson' {
    It 'writes one object as itself and several as a List, keys sorted as kubectl' {
        $objects = $manifest | ConvertFrom-KubeYaml
        $one = $objects[0] | ConvertTo-KubeJson
        $one | Should -BeExactly "{`n    `"apiVersion`": `"v1`",`n    `"data`": {`n        `"port`": `"8080`"`n    },`n    `"kind`": `"ConfigMap`",`n    `"metadata`": {`n        `"name`": `"settings`"`n    }`n}`n"
        $list = $objects | ConvertTo-KubeJson -Compress
        $list | Should -BeLike '{"apiVersion":"v1","items":`[{*},{*}`],"kind":"List","metadata":{"resourceVersion":""}}'
        @($objects | ConvertTo-KubeJson -Stream -Compress).Count | Should -Be 2
        @(@() | ConvertTo-KubeJson).Count | Should -Be 0
    }

    It 'writes a List of any number with -AsList' {
        $objects = $manifest | ConvertFrom-KubeYaml
        $objects[0] | ConvertTo-KubeJson -AsList -Compress | Should -BeLike '{"apiVersion":"v1","items":`[{"apiVersion":"v1",*}`],"kind":"List",*'
        @() | ConvertTo-KubeJson -AsList -Compress | Should -BeExactly '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}'
        { $objects | ConvertTo-KubeJson -AsList -Stream } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'reads a List, a file and lines piped one by one back into typed objects' {
        $path = Join-Path $TestDrive 'objects.json'
        $manifest | ConvertFrom-KubeYaml | ConvertTo-KubeJson | Set-Content -NoNewline $path
        $objects = Get-Content $path -Raw | ConvertFrom-KubeJson
        $objects.Count | Should -Be 2
        $objects[0].Data['port'] | Should -Be '8080'
        $objects[1].Kind | Should -Be 'Widget'
        @(Get-Content $path | ConvertFrom-KubeJson).Count | Should -Be 2
        @(ConvertFrom-KubeJson -Path $path).Name | Should -Be @('settings', 'gizmo')
    }

    It 'reads what -Stream wrote' {
        $objects = $manifest | ConvertFrom-KubeYaml | ConvertTo-KubeJson -Stream | ConvertFrom-KubeJson
        $objects.Name | Should -Be @('settings', 'gizmo')
    }

    It 'reports bad JSON as InvalidKubeJson with the line and column' {
        "{`n  `"kind`": `"Pod`",`n  `"apiVersion`" `"v1`"`n}" | ConvertFrom-KubeJson -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubeJson*'
        $failure[0].CategoryInfo.Category | Should -Be 'ParserError'
        $failure[0].Exception.Message | Should -BeLike 'line 3, column 16: *'
    }
}

Describe 'YAML and JSON side by side with kubectl' -Skip:$skipKubectl {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
        $cluster = Start-FakeCluster
        $kubeconfig = $cluster.KubeConfig
        $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig
        function Invoke-Kubectl { (kubectl --kubeconfig $kubeconfig @args) -join "`n" }
        # The typed objects do not keep a field the server sends as null (a pod condition's lastProbeTime), which
        # kubectl prints: take those lines out of kubectl's text.
        function Remove-NullField([string] $Json) { ($Json -replace '(?m)^ *"[^"]+": null,?\n', '') -replace ',(\n *[}\]])', '$1' }
        $objects = @'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
'@
        $objects | kubectl --kubeconfig $kubeconfig apply -f - | Out-Null
        New-KubePod pinger -Image alpine -Wait -- ping 127.0.0.1 | Out-Null
    }

    AfterAll {
        $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
        Stop-FakeCluster $cluster
    }

    It 'writes every string of the table so that kubectl apply reads back the same string' {
        $strings = (Get-Content (Join-Path $PSScriptRoot '../Data/yaml-tricky-strings.json') -Raw | ConvertFrom-Json).strings
        $configMap = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"tricky","labels":{}},"data":{}}' | ConvertFrom-KubeJson
        for ($i = 0; $i -lt $strings.Count; $i++) {
            $configMap.Data["v$i"] = $strings[$i]
            $configMap.Metadata.Labels["l$i"] = $strings[$i]
        }
        $applied = $configMap | ConvertTo-KubeYaml | kubectl --kubeconfig $kubeconfig apply --dry-run=client -f - -o json | ConvertFrom-KubeJson
        $applied.Kind | Should -Be 'ConfigMap'
        for ($i = 0; $i -lt $strings.Count; $i++) {
            $applied.Data["v$i"] | Should -BeExactly $strings[$i] -Because "value $i"
            $applied.Metadata.Labels["l$i"] | Should -BeExactly $strings[$i] -Because "label $i"
        }
    }

    It 'Get-KubePod x | ConvertTo-KubeJson prints what kubectl get pod x -o json prints' {
        # The pod is running; should the kubelet still be writing its status, read both again.
        for ($try = 0; $try -lt 5; $try++) {
            $kubectl = Remove-NullField (Invoke-Kubectl get pod pinger -o json)
            $ours = Get-KubePod pinger | ConvertTo-KubeJson
            if ($ours -ceq "$kubectl`n") { break }
        }
        $ours | Should -BeExactly "$kubectl`n"
        Get-KubePod pinger | ConvertTo-KubeJson -IncludeManagedFields | Should -Match '"managedFields"'
    }

    It 'Get-KubeService | ConvertTo-KubeJson prints the List kubectl get services -o json prints' {
        $ours = Get-KubeService | ConvertTo-KubeJson
        $ours | Should -BeExactly "$(Invoke-Kubectl get services -o json)`n"
    }

    It 'Get-KubePod | ConvertTo-KubeJson -AsList prints what kubectl get pods -o json prints, when there are none too' {
        Get-KubePod -Namespace kube-public | ConvertTo-KubeJson -AsList | Should -BeExactly "$(Invoke-Kubectl get pods -n kube-public -o json)`n"
    }

    It 'ConvertTo-KubeYaml hides managedFields as kubectl get -o yaml does, and shows them on request' {
        Invoke-Kubectl get service web -o yaml | Should -Not -Match 'managedFields'
        Get-KubeService web | ConvertTo-KubeYaml | Should -Not -Match 'managedFields'
        Invoke-Kubectl get service web -o yaml --show-managed-fields | Should -Match '(?m)^  managedFields:$'
        Get-KubeService web | ConvertTo-KubeYaml -IncludeManagedFields | Should -Match '(?m)^  managedFields:$'
    }

    It 'A managedFields entry shows its fieldsV1 as the JSON kubectl get --show-managed-fields prints' {
        $entries = (Get-KubeService web).Metadata.ManagedFields
        "$($entries[0].FieldsV1)" | Should -Match '^\{"f:'
        $entries[0] | Format-List | Out-String | Should -Match '(?m)^FieldsV1\s*: \{"f:'
        $ours = $entries | ForEach-Object { $_.FieldsV1.ToString() | ConvertFrom-Json | ConvertTo-Json -Depth 20 -Compress }
        $theirs = (Invoke-Kubectl get service web -o json --show-managed-fields | ConvertFrom-Json).metadata.managedFields |
            ForEach-Object { $_.fieldsV1 | ConvertTo-Json -Depth 20 -Compress }
        $ours | Should -Be $theirs
    }

    It 'ConvertTo-KubeYaml -LastApplied shows what kubectl apply view-last-applied shows' {
        Get-KubeService web | ConvertTo-KubeJson -LastApplied | ConvertFrom-Json | ConvertTo-Json -Depth 10 -Compress |
            Should -Be (Invoke-Kubectl apply view-last-applied service/web -o json | ConvertFrom-Json | ConvertTo-Json -Depth 10 -Compress)
        Get-KubeService web | ConvertTo-KubeYaml -LastApplied | Should -Match '(?m)^    targetPort: 8080$'
        Get-KubeService web | ConvertTo-KubeYaml -LastApplied | Should -Not -Match 'clusterIP'
    }

    It 'ConvertTo-KubeYaml -LastApplied reports an object never applied, and goes on with the others' {
        $written = @(Get-KubePod pinger) + @(Get-KubeService web) | ConvertTo-KubeYaml -LastApplied -ErrorVariable missing -ErrorAction SilentlyContinue
        $written | Should -Match 'name: web'
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'LastAppliedNotFound*'
        $missing[0].Exception.Message | Should -Be 'pod/pinger has no last-applied configuration: it was never applied with Set-KubeResource or kubectl apply.'
    }

    It 'reads kubectl get -o json into typed objects' {
        $pods = kubectl --kubeconfig $kubeconfig get pods -o json | ConvertFrom-KubeJson
        $pods.Name | Should -Be 'pinger'
        $pods.Kind | Should -Be 'Pod'
        $pods.Status | Should -Be 'Running'
    }
}
