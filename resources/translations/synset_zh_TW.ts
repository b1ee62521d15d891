<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>BenchDialog</name>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="119"/>
        <source>Benchmark the providers</source>
        <translation>執行裝置效能測試</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="120"/>
        <source>Raw inference on a ready tensor, and a 1280×720 camera frame to the top-k, on every installed provider and on CPU with one thread and with every core. Live ranking pauses while it runs.</source>
        <translation>在每個已安裝的執行裝置上，以及 CPU 單執行緒與全部核心，測量對現成張量的純推論，以及從 1280×720 攝影機畫面到 top-k 的完整流程。執行期間即時排名會暫停。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="123"/>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="124"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="125"/>
        <source>Export JSON…</source>
        <translation>匯出 JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="127"/>
        <source>Provider</source>
        <translation>執行裝置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="127"/>
        <source>Threads</source>
        <translation>執行緒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="127"/>
        <source>Load ms</source>
        <translation>載入 ms</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="127"/>
        <source>Raw p50 / p95 ms</source>
        <translation>純推論 p50 / p95 ms</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="128"/>
        <source>Frame → top-k p50 / p95 ms</source>
        <translation>畫面 → top-k p50 / p95 ms</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="128"/>
        <source>Overhead</source>
        <translation>額外負擔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="128"/>
        <source>Fell back</source>
        <translation>改用原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="129"/>
        <source>raw inference (p50, p95 line)</source>
        <translation>純推論（p50，p95 為線）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="129"/>
        <source>frame → top-k (p50, p95 line)</source>
        <translation>畫面 → top-k（p50，p95 為線）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="130"/>
        <source>Benchmark chart</source>
        <translation>基準測試圖表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="166"/>
        <source>%1: raw %2 ms, frame → top-k %3 ms</source>
        <translation>%1：純推論 %2 ms，畫面 → top-k %3 ms</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="195"/>
        <source>Export the benchmark</source>
        <translation>匯出效能測試</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bench_dialog.py" line="196"/>
        <source>JSON files</source>
        <translation>JSON 檔案</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="162"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="163"/>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="164"/>
        <source>Resolution</source>
        <translation>解析度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="165"/>
        <source>Play a video file instead…</source>
        <translation>改為播放影片檔…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="166"/>
        <source>Mirror (M)</source>
        <translation>鏡像（M）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="167"/>
        <source>Freeze (Space)</source>
        <translation>凍結畫面（空白鍵）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="168"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="169"/>
        <source>Open model…</source>
        <translation>開啟模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="170"/>
        <source>Open labels…</source>
        <translation>開啟標籤…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="171"/>
        <source>Run on</source>
        <translation>執行裝置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="172"/>
        <source>GPU adapter</source>
        <translation>GPU 介面卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="173"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="174"/>
        <source>Preprocessing</source>
        <translation>前處理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="175"/>
        <source>Normalisation</source>
        <translation>正規化</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="176"/>
        <source>Channel order</source>
        <translation>通道順序</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="177"/>
        <source>Resize</source>
        <translation>縮放</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="178"/>
        <source>Use model default</source>
        <translation>使用模型預設值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="179"/>
        <source>Display</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="180"/>
        <source>Smooth the bars</source>
        <translation>平滑長條圖</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="181"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="183"/>
        <location filename="../../desktop_app/gui/controls.py" line="208"/>
        <source>Auto (best that works)</source>
        <translation>自動（最佳可用裝置）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="214"/>
        <source>%1 (not installed)</source>
        <translation>%1（未安裝）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="227"/>
        <source>This model takes raw 8-bit pixels: they are never normalised</source>
        <translation>此模型接收原始 8 位元像素：永遠不做正規化</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="237"/>
        <source>%1 (model)</source>
        <translation>%1（模型預設）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="290"/>
        <source>✓ Model default</source>
        <translation>✓ 模型預設值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="291"/>
        <source>Changed from the model default</source>
        <translation>與模型預設值不同</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="302"/>
        <source>No camera found</source>
        <translation>找不到攝影機</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="304"/>
        <source>Pick a camera</source>
        <translation>選擇攝影機</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="65"/>
        <source>Open pictures</source>
        <translation>開啟圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="66"/>
        <source>Pictures</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="73"/>
        <source>Open a folder of pictures</source>
        <translation>開啟圖片資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="80"/>
        <source>Open an ONNX classifier</source>
        <translation>開啟 ONNX 分類模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="81"/>
        <source>ONNX models</source>
        <translation>ONNX 模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="86"/>
        <source>Labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="91"/>
        <source>Videos</source>
        <translation>影片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="96"/>
        <source>PNG pictures</source>
        <translation>PNG 圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="101"/>
        <source>CSV files</source>
        <translation>CSV 檔案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="85"/>
        <source>Open a label file</source>
        <translation>開啟標籤檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="61"/>
        <source>All files</source>
        <translation>所有檔案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="90"/>
        <source>Play a video file</source>
        <translation>播放影片檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="95"/>
        <source>Save screenshot</source>
        <translation>儲存螢幕截圖</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="100"/>
        <source>Export results</source>
        <translation>匯出結果</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="11"/>
        <source>{name}: file not found</source>
        <translation>{name}：找不到檔案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="12"/>
        <source>{name}: is a folder, not a picture</source>
        <translation>{name}：這是資料夾，不是圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="13"/>
        <source>{name}: permission denied</source>
        <translation>{name}：沒有讀取權限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="14"/>
        <source>{name}: not a picture format this app can read</source>
        <translation>{name}：不是本程式能讀取的圖片格式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="15"/>
        <source>{name}: too many pixels ({detail})</source>
        <translation>{name}：像素過多（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="16"/>
        <source>{name}: {width}×{height} is {megapixels} MP, over the {limit} MP limit (a decompression bomb or a scan far larger than needed)</source>
        <translation>{name}：{width}×{height} 共 {megapixels} MP，超過 {limit} MP 上限（可能是解壓縮炸彈，或是遠大於所需的掃描檔）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="17"/>
        <source>{name}: the picture is empty (0 pixels)</source>
        <translation>{name}：圖片是空的（0 像素）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="18"/>
        <source>{name}: the file is empty (0 bytes)</source>
        <translation>{name}：檔案是空的（0 位元組）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="19"/>
        <source>{name}: damaged or truncated picture ({detail})</source>
        <translation>{name}：圖片損毀或不完整（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="20"/>
        <source>{name}: cannot be opened ({detail})</source>
        <translation>{name}：無法開啟（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="21"/>
        <source>Model file not found: {path}</source>
        <translation>找不到模型檔：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="22"/>
        <source>No model is loaded yet</source>
        <translation>尚未載入模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="23"/>
        <source>Cannot load the model: {detail}</source>
        <translation>無法載入模型：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="24"/>
        <source>{name} is a folder, not a model file</source>
        <translation>{name} 是資料夾，不是模型檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="25"/>
        <source>{name} is not an ONNX model, or the file is damaged</source>
        <translation>{name} 不是 ONNX 模型，或檔案已損壞</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="26"/>
        <source>The model has {count} inputs ({names}); an image classifier takes exactly one</source>
        <translation>此模型有 {count} 個輸入（{names}）；影像分類模型只能有一個輸入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="27"/>
        <source>Input &apos;{name}&apos; has shape {shape}; an image input has 4 dimensions (batch, channels, height, width or batch, height, width, channels)</source>
        <translation>輸入「{name}」的形狀為 {shape}；影像輸入應有 4 個維度（batch、channels、height、width，或 batch、height、width、channels）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="28"/>
        <source>Input &apos;{name}&apos; has shape {shape}: no axis of 3 colour channels (expected [N,3,H,W] or [N,H,W,3])</source>
        <translation>輸入「{name}」的形狀為 {shape}：沒有 3 個色彩通道的軸（應為 [N,3,H,W] 或 [N,H,W,3]）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="29"/>
        <source>Input &apos;{name}&apos; is {type}; supported element types are float32, float16 and uint8</source>
        <translation>輸入「{name}」的型別為 {type}；支援的元素型別為 float32、float16 與 uint8</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="30"/>
        <source>Cannot read labels {name}: {detail}</source>
        <translation>無法讀取標籤 {name}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="31"/>
        <source>{name} is a folder, not a label file</source>
        <translation>{name} 是資料夾，不是標籤檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="32"/>
        <source>Label file {name} holds no labels</source>
        <translation>標籤檔 {name} 中沒有任何標籤</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="33"/>
        <source>No labels for this model&apos;s classes ({classes}): showing class numbers</source>
        <translation>此模型的 {classes} 個類別沒有標籤：顯示類別編號</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="34"/>
        <source>The labels have {names} names but the model has {classes} classes: names may not match their classes (a class without a name shows as &quot;class N&quot;)</source>
        <translation>標籤有 {names} 個名稱，但模型有 {classes} 個類別：名稱可能與類別不符（沒有名稱的類別顯示為「class N」）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="35"/>
        <source>The labels have one name more than the model has classes ({names} for {classes}): if the first is a background class the model does not have, every name is one class off</source>
        <translation>標籤比模型的類別多一個名稱（{names} 個名稱，{classes} 個類別）：若第一行是模型沒有的背景類別，每個名稱都會錯開一個類別</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="36"/>
        <source>Label file {name} is not UTF-8 text: save it as UTF-8</source>
        <translation>標籤檔 {name} 不是 UTF-8 文字：請以 UTF-8 儲存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="37"/>
        <source>{name}: not a regular file (a pipe, device or socket): refused</source>
        <translation>{name}：不是一般檔案（管線、裝置或通訊端）：已拒絕</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="38"/>
        <source>{name}: {size} is over the {limit} limit</source>
        <translation>{name}：{size} 超過 {limit} 的上限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="39"/>
        <source>&apos;{name}&apos; is outside the model&apos;s folder {folder}: refused (a model may only read files in its own folder)</source>
        <translation>「{name}」位於模型資料夾 {folder} 之外：已拒絕（模型只能讀取自己資料夾中的檔案）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="40"/>
        <source>&apos;{name}&apos;, named by the model, is missing</source>
        <translation>模型指定的「{name}」不存在</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="41"/>
        <source>The model&apos;s output for this picture is not a number (NaN or infinity): no ranking</source>
        <translation>模型對這張圖片的輸出不是數字（NaN 或無限大）：無法排名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="42"/>
        <source>Inference failed on CPU: {detail}</source>
        <translation>在 CPU 上推論失敗：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="43"/>
        <source>Inference failed on CPU too: {detail}</source>
        <translation>在 CPU 上推論也失敗：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="44"/>
        <source>{provider} failed ({detail})</source>
        <translation>{provider} 失敗（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="45"/>
        <source>Several ONNX Runtime packages are installed ({listed}); they overwrite each other&apos;s files and a provider may silently vanish. Fix: pip uninstall -y {names} &amp;&amp; pip install {keep}</source>
        <translation>安裝了多個 ONNX Runtime 套件（{listed}）；它們會互相覆寫檔案，某個執行裝置可能悄悄消失。修正方法：pip uninstall -y {names} &amp;&amp; pip install {keep}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="46"/>
        <source>{provider} could not be initialised</source>
        <translation>{provider} 無法初始化</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="47"/>
        <source>{provider} could not be initialised ({detail})</source>
        <translation>{provider} 無法初始化（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="48"/>
        <source>{provider} gave answers that differ from CPU ({detail})</source>
        <translation>{provider} 的答案與 CPU 不同（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="49"/>
        <source>{provider} failed during inference ({detail})</source>
        <translation>{provider} 在推論時失敗（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="50"/>
        <source>CUDA is not in this ONNX Runtime build ({flavours}); swap in onnxruntime-gpu (see README)</source>
        <translation>此 ONNX Runtime 版本（{flavours}）不含 CUDA；請改裝 onnxruntime-gpu（見 README）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="51"/>
        <source>DirectML is not in this ONNX Runtime build ({flavours}); install onnxruntime-directml on Windows</source>
        <translation>此 ONNX Runtime 版本（{flavours}）不含 DirectML；請在 Windows 上安裝 onnxruntime-directml</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="52"/>
        <source> — running on {provider}</source>
        <translation> — 改在 {provider} 上執行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="53"/>
        <source>Unknown pitfall &apos;{id}&apos;; one of: {ids}</source>
        <translation>未知的陷阱「{id}」；可用的有：{ids}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="54"/>
        <source>&apos;{id}&apos; changes nothing here: this model&apos;s output already is probabilities</source>
        <translation>「{id}」在這裡不會改變任何結果：這個模型的輸出本來就是機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="55"/>
        <source>&apos;{id}&apos; changes nothing here: this model takes raw 8-bit pixels</source>
        <translation>「{id}」在這裡不會改變任何結果：這個模型直接接收原始的 8 位元像素</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="56"/>
        <source>&apos;{id}&apos; is this model&apos;s own {field} ({value}): pick another pitfall</source>
        <translation>「{id}」就是這個模型自己的 {field}（{value}）：請選擇其他陷阱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="57"/>
        <source>Label file {name} is not valid JSON: {detail}</source>
        <translation>標籤檔 {name} 不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="58"/>
        <source>Label file {name}: expected a list of names</source>
        <translation>標籤檔 {name}：應為名稱的清單</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="59"/>
        <source>Label file {name}: keys must be class indices</source>
        <translation>標籤檔 {name}：鍵必須是類別索引</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="60"/>
        <source>Label file {name}: an entry is an object without a name (looked for {keys})</source>
        <translation>標籤檔 {name}：有一個項目是沒有名稱的物件（已尋找 {keys}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="61"/>
        <source>Label file {name}: class indices must be 0..{last}</source>
        <translation>標籤檔 {name}：類別索引必須介於 0..{last}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="62"/>
        <source>Cannot read the model&apos;s sidecar {name}: {detail}</source>
        <translation>無法讀取模型的附屬設定檔 {name}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="63"/>
        <source>The model&apos;s sidecar {name} is not a JSON object</source>
        <translation>模型的附屬設定檔 {name} 不是 JSON 物件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="64"/>
        <source>The sidecar&apos;s &apos;preprocessing&apos; must be a JSON object</source>
        <translation>附屬設定檔的「preprocessing」必須是 JSON 物件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="65"/>
        <source>The sidecar&apos;s &apos;labels&apos; must be a file name</source>
        <translation>附屬設定檔的「labels」必須是檔名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="66"/>
        <source>This model takes raw 8-bit pixels: the normalisation {normalize} is not applied</source>
        <translation>此模型接收原始 8 位元像素：不會套用正規化 {normalize}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="68"/>
        <source>The model&apos;s sidecar {name}: &apos;{field}&apos; must be text</source>
        <translation>模型的附屬設定檔 {name}：「{field}」必須是文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="69"/>
        <source>The sidecar names the output &apos;{name}&apos;, but the model&apos;s outputs are: {names}</source>
        <translation>附屬設定檔指定的輸出是「{name}」，但模型的輸出只有：{names}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="71"/>
        <source>The model&apos;s &apos;{key}&apos; metadata is not valid JSON: {detail}</source>
        <translation>模型的「{key}」中繼資料不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="72"/>
        <source>The {source}&apos;s input_size {size} must be [height, width] in pixels, 1..{largest}</source>
        <translation>{source} 的 input_size {size} 必須是以像素為單位的 [高, 寬]，範圍 1..{largest}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="73"/>
        <source>The {source}&apos;s preprocessing {name} &apos;{value}&apos; is not one of {allowed}</source>
        <translation>{source} 的前處理 {name} 的值「{value}」不在可用選項 {allowed} 之中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="74"/>
        <source>The {source}&apos;s crop_fraction {value} must be a number in 0.1..1</source>
        <translation>{source} 的 crop_fraction {value} 必須是 0.1..1 之間的數字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="75"/>
        <source>The model has no outputs</source>
        <translation>這個模型沒有任何輸出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="76"/>
        <source>Output &apos;{name}&apos; is {type}, not a tensor of class scores</source>
        <translation>輸出「{name}」是 {type}，不是類別分數的張量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="77"/>
        <source>Output &apos;{name}&apos; has shape {shape}, not one score per class</source>
        <translation>輸出「{name}」的形狀為 {shape}，不是每個類別一個分數</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="78"/>
        <source>This looks like an object detector (its outputs include boxes: {names}), not an image classifier: it cannot be ranked</source>
        <translation>這看起來是物件偵測模型（其輸出含有方框：{names}），不是影像分類模型：無法排名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="79"/>
        <source>Output &apos;{name}&apos; has shape {shape}: one score per picture, not one per class, cannot be ranked (a softmax over one class is always 100%)</source>
        <translation>輸出「{name}」的形狀為 {shape}：每張圖片只有一個分數，而非每個類別一個，無法排名（只有一個類別的 softmax 永遠是 100%）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="80"/>
        <source>Input &apos;{name}&apos; has shape {shape}: larger than this app feeds (at most {batch} pictures of {side}×{side} pixels)</source>
        <translation>輸入「{name}」的形狀為 {shape}：超過本程式可餵入的大小（最多 {batch} 張 {side}×{side} 像素的圖片）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="81"/>
        <source>Camera &apos;{name}&apos; could not be opened (busy, unplugged or unsupported)</source>
        <translation>無法開啟攝影機「{name}」（使用中、已拔除或不支援）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="82"/>
        <source>Camera &apos;{name}&apos; stopped delivering frames (unplugged?)</source>
        <translation>攝影機「{name}」停止傳送影格（已拔除？）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="83"/>
        <source>Video {name} could not be opened (no video in it, an unsupported format, or damaged)</source>
        <translation>無法開啟影片 {name}（檔案裡沒有影像、格式不支援，或已損毀）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="84"/>
        <source>Video {name} has no readable frames</source>
        <translation>影片 {name} 沒有可讀取的影格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="85"/>
        <source>Video {name}: its frames are {width}×{height}, {megapixels} MP, over the {limit} MP limit</source>
        <translation>影片 {name}：畫面為 {width}×{height}，{megapixels} MP，超過 {limit} MP 的上限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="86"/>
        <source>Video {name}: the file is empty (0 bytes)</source>
        <translation>影片 {name}：檔案是空的（0 位元組）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="87"/>
        <source>Video {name} stopped: the file was changed or removed while playing</source>
        <translation>影片 {name} 已停止：播放時檔案被變更或移除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/messages.py" line="108"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>InspectorDialog</name>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="32"/>
        <source>Model inspector — %1</source>
        <translation>模型檢視器 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="37"/>
        <source>you</source>
        <translation>使用者設定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="37"/>
        <source>sidecar</source>
        <translation>附屬檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="37"/>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="54"/>
        <source>ONNX metadata</source>
        <translation>ONNX 中繼資料</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="38"/>
        <source>preprocessor_config.json (Hugging Face)</source>
        <translation>preprocessor_config.json（Hugging Face）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="39"/>
        <source>the model&apos;s input</source>
        <translation>模型的輸入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="39"/>
        <source>default</source>
        <translation>預設</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="41"/>
        <source>probabilities</source>
        <translation>機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="41"/>
        <source>logits → softmax</source>
        <translation>logits → softmax</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="43"/>
        <source>%1, from the output %2</source>
        <translation>%1，取自輸出 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="46"/>
        <source>%1 (a background class at 0)</source>
        <translation>%1（第 0 類為背景類別）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="48"/>
        <source>Producer</source>
        <translation>產生者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="48"/>
        <source>Opset</source>
        <translation>運算子集（opset）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="49"/>
        <source>IR version</source>
        <translation>IR 版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="49"/>
        <source>Classes</source>
        <translation>類別數</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="50"/>
        <source>Output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="50"/>
        <source>Layout</source>
        <translation>記憶體排列</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="51"/>
        <source>Labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="52"/>
        <source>Runs on</source>
        <translation>執行裝置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="53"/>
        <source>Inputs and outputs</source>
        <translation>輸入與輸出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="53"/>
        <source>Preprocessing, and where each value came from</source>
        <translation>前處理，以及每個值的來源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="54"/>
        <source>Sidecar</source>
        <translation>附屬檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="51"/>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="55"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="63"/>
        <source>Normalisation</source>
        <translation>正規化</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="63"/>
        <source>Channel order</source>
        <translation>通道順序</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="64"/>
        <source>Resize</source>
        <translation>縮放</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="64"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="64"/>
        <source>Width</source>
        <translation>寬度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="65"/>
        <source>Crop fraction</source>
        <translation>裁切比例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/inspector_dialog.py" line="65"/>
        <source>Interpolation</source>
        <translation>內插法</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="272"/>
        <source>Pitfalls lab</source>
        <translation>陷阱實驗室</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="273"/>
        <source>Show raw logits instead of probabilities</source>
        <translation>顯示原始 logits 而非機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="274"/>
        <source>The model&apos;s own preprocessing</source>
        <translation>模型自己的前處理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="275"/>
        <source>What the model sees: each channel, then the colours they make (above: its own preprocessing; below: the pitfall)</source>
        <translation>模型看到的：各色彩通道，以及組合出的顏色（上：模型自己的前處理；下：陷阱）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="277"/>
        <source>What the model sees with its own preprocessing</source>
        <translation>模型以自己的前處理看到的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="278"/>
        <source>What the model sees with the pitfall</source>
        <translation>模型在陷阱下看到的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="302"/>
        <source>This picture could not be read</source>
        <translation>這張圖片無法讀取</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="303"/>
        <source>This frame could not be ranked</source>
        <translation>這個影格無法排名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="304"/>
        <source>Waiting for a picture or a camera frame</source>
        <translation>等待圖片或攝影機畫面</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="308"/>
        <source>%1 gets %2</source>
        <translation>%1 得到 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="313"/>
        <source>%1 gets %2 here too: no change for this picture</source>
        <translation>%1 在此也得到 %2：這張圖片不受影響</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="314"/>
        <source>%1 gets %2 here: more, for this picture</source>
        <translation>%1 在此得到 %2：這張圖片反而更高</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="315"/>
        <source>%1 gets %2 here</source>
        <translation>%1 在此陷阱下得到 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="317"/>
        <source>%1 shows as %2 here: a raw score, not a probability</source>
        <translation>%1 在此顯示為 %2：原始分數，非機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab_panel.py" line="326"/>
        <source>colours</source>
        <translation>顏色</translation>
    </message>
</context>
<context>
    <name>LabSession</name>
    <message>
        <location filename="../../desktop_app/gui/lab.py" line="90"/>
        <source>What the model sees is shown in the pitfalls lab: press L first</source>
        <translation>模型看到的畫面在陷阱實驗室中顯示：請先按 L</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab.py" line="164"/>
        <source>This model does not show %1; the lab shows %2</source>
        <translation>此模型無法示範「%1」；實驗室改為示範「%2」</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab.py" line="232"/>
        <source>The same input both ways: this mistake is made with the model&apos;s output</source>
        <translation>兩邊的輸入相同：這個錯誤發生在處理模型輸出的時候</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab.py" line="235"/>
        <source>What the model saw, both ways</source>
        <translation>模型看到的，兩種方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab.py" line="263"/>
        <source>The pitfalls lab opens once the model is ready</source>
        <translation>模型載入完成後即開啟陷阱實驗室</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/lab.py" line="65"/>
        <source>This model shows none of the pitfalls</source>
        <translation>此模型無法展示任何陷阱</translation>
    </message>
</context>
<context>
    <name>LatencyPanel</name>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="152"/>
        <source>Latency: waiting for the first result</source>
        <translation>延遲：等待第一個結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="168"/>
        <source>Decode %1 ms · Preprocess %2 ms · Inference %3 ms · Postprocess %4 ms</source>
        <translation>解碼 %1 ms · 前處理 %2 ms · 推論 %3 ms · 後處理 %4 ms</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="178"/>
        <source>Video %1 fps · Inference %2 fps · Dropped %3</source>
        <translation>影片 %1 fps · 推論 %2 fps · 捨棄 %3 個影格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="179"/>
        <source>Camera %1 fps · Inference %2 fps · Dropped %3</source>
        <translation>攝影機 %1 fps · 推論 %2 fps · 捨棄 %3 個影格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="183"/>
        <source>Frame to result: p50 %1 ms · p95 %2 ms</source>
        <translation>影格到結果：p50 %1 ms · p95 %2 ms</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="100"/>
        <source>No camera found</source>
        <translation>找不到攝影機</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="112"/>
        <source>Freeze holds a live camera or video; a picture is already still</source>
        <translation>凍結用於即時攝影機或影片；圖片本來就是靜止的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="122"/>
        <source>Frozen</source>
        <translation>已凍結</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="134"/>
        <source>The camera will be shown mirrored</source>
        <translation>攝影機畫面將以鏡像顯示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="135"/>
        <source>The camera will be shown as it sees</source>
        <translation>攝影機畫面將照原樣顯示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="73"/>
        <location filename="../../desktop_app/gui/live.py" line="150"/>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="177"/>
        <source>Playing %1 at %2 fps</source>
        <translation>正在播放 %1（%2 fps）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="234"/>
        <source>Camera &apos;%1&apos; was unplugged</source>
        <translation>攝影機「%1」已拔除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="253"/>
        <source>Drop pictures, a folder or an .onnx model here — or pick a camera on the left.
Ctrl+O opens pictures, Ctrl+V pastes one, F11 is presenter mode.</source>
        <translation>將圖片、資料夾或 .onnx 模型拖放到這裡 — 或在左側選擇攝影機。
Ctrl+O 開啟圖片，Ctrl+V 貼上圖片，F11 切換簡報模式。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="232"/>
        <source>Frozen</source>
        <translation>已凍結</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="233"/>
        <source>No prediction yet</source>
        <translation>尚無預測結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="234"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="236"/>
        <source>Picture</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="268"/>
        <source>The model&apos;s own labels now, not %1 (it named the last model&apos;s classes)</source>
        <translation>現在使用模型自己的標籤，不再使用 %1（它是上一個模型的類別名稱）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="300"/>
        <source>%1 names for this model&apos;s %2 classes</source>
        <translation>%1 個名稱，但此模型有 %2 個類別</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="302"/>
        <source>%1 was not taken as labels: %2 (drop it alone to use it anyway)</source>
        <translation>%1 未被當作標籤檔：%2（單獨拖放此檔即可照樣使用）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="337"/>
        <source>Labels from %1</source>
        <translation>標籤取自 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="341"/>
        <source>Now running %1</source>
        <translation>現在執行 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="360"/>
        <source>The label file could not be used: %1</source>
        <translation>無法使用此標籤檔：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="361"/>
        <source>The model could not be used: %1</source>
        <translation>無法使用此模型：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="389"/>
        <source>Not found: %1</source>
        <translation>找不到：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="393"/>
        <source>No pictures in that folder</source>
        <translation>該資料夾中沒有圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="523"/>
        <source>The arrow keys step through a folder of pictures; none is open</source>
        <translation>方向鍵用於瀏覽資料夾中的圖片；目前沒有開啟資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="534"/>
        <source>The pictures are ranked again with the new settings; that is not stopped, or the rest of the folder would be lost</source>
        <translation>正在以新設定重新辨識這些圖片；不會中途停止，否則資料夾中其餘的圖片會遺失</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="579"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="599"/>
        <source>ONNX Runtime %1 (%2)</source>
        <translation>ONNX Runtime %1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="600"/>
        <source>Running on: %1</source>
        <translation>執行於：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="604"/>
        <source>Synset is Apache-2.0 licensed; the bundled EfficientNet-Lite0 weights are Apache-2.0 (README: Licences and provenance).</source>
        <translation>Synset 以 Apache-2.0 授權；隨附的 EfficientNet-Lite0 權重為 Apache-2.0（見 README：授權與來源）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="644"/>
        <source>Could not save the settings to %1</source>
        <translation>無法將設定儲存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="577"/>
        <source>Could not save %1</source>
        <translation>無法儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="248"/>
        <source>Drop pictures, a folder or an .onnx model here.
Ctrl+O opens pictures, C the next camera, Esc leaves presenter mode.</source>
        <translation>將圖片、資料夾或 .onnx 模型拖放到這裡。
Ctrl+O 開啟圖片，C 切換到下一台攝影機，Esc 離開簡報模式。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="391"/>
        <source>No pictures in that folder (its subfolders are not opened)</source>
        <translation>該資料夾中沒有圖片（不會開啟其子資料夾）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="596"/>
        <source>%1 %2 — see what a camera or a picture contains.</source>
        <translation>%1 %2 — 看看攝影機畫面或圖片裡有什麼。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/app.py" line="196"/>
        <source>The settings file %1 was damaged: what could be read is used, and the file is kept as %2</source>
        <translation>設定檔 %1 已損毀：能讀出的設定照常使用，原檔保留為 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/app.py" line="239"/>
        <source>Unexpected error: %1 (details in %2)</source>
        <translation>發生未預期的錯誤：%1（詳細資訊請見 %2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/app.py" line="242"/>
        <source>Something went wrong, but the app keeps running.

%1

Details were written to %2</source>
        <translation>發生錯誤，但應用程式仍在執行。

%1

詳細資訊已寫入 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/automation.py" line="125"/>
        <source>No camera or video matches &apos;%1&apos;</source>
        <translation>沒有符合「%1」的攝影機或影片</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="87"/>
        <source>&amp;Open pictures…</source>
        <translation>開啟圖片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="88"/>
        <source>Open a &amp;folder…</source>
        <translation>開啟資料夾(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="89"/>
        <source>Open &amp;model…</source>
        <translation>開啟模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="90"/>
        <source>Open &amp;labels…</source>
        <translation>開啟標籤(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="91"/>
        <source>F&amp;ast model (int8)</source>
        <translation>快速模型（int8）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="92"/>
        <source>A&amp;ccurate model (float32)</source>
        <translation>精確模型（float32）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="93"/>
        <source>&amp;Inspect the model…</source>
        <translation>檢視模型(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="94"/>
        <source>&amp;Benchmark the providers…</source>
        <translation>執行裝置效能測試(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="95"/>
        <source>Play a &amp;video file…</source>
        <translation>播放影片檔(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="96"/>
        <source>&amp;Paste picture</source>
        <translation>貼上圖片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="97"/>
        <source>Save &amp;screenshot…</source>
        <translation>儲存螢幕截圖(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="98"/>
        <source>&amp;Export results as CSV…</source>
        <translation>將結果匯出為 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="99"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="100"/>
        <source>&amp;Presenter mode</source>
        <translation>簡報模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="101"/>
        <source>Stop, or leave presenter mode</source>
        <translation>停止，或離開簡報模式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="102"/>
        <source>&amp;Freeze frame</source>
        <translation>凍結畫面(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="103"/>
        <source>&amp;Mirror</source>
        <translation>鏡像(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="104"/>
        <source>&amp;Next camera</source>
        <translation>下一台攝影機(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="105"/>
        <source>Pitfalls &amp;lab</source>
        <translation>陷阱實驗室(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="106"/>
        <source>Next pitfall</source>
        <translation>下一個陷阱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="107"/>
        <source>Previous pitfall</source>
        <translation>上一個陷阱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="108"/>
        <source>Next pitfall, or on stage the next picture</source>
        <translation>下一個陷阱；簡報模式下為下一張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="109"/>
        <source>Previous pitfall, or on stage the previous picture</source>
        <translation>上一個陷阱；簡報模式下為上一張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="110"/>
        <source>What the model &amp;sees, large</source>
        <translation>放大顯示模型看到的畫面(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="111"/>
        <source>Switch language (English / 繁體中文)</source>
        <translation>切換語言（English / 繁體中文）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="112"/>
        <source>Next picture</source>
        <translation>下一張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="113"/>
        <source>Previous picture</source>
        <translation>上一張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="114"/>
        <source>&amp;About Synset</source>
        <translation>關於 Synset(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="118"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="119"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="120"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
</context>
<context>
    <name>ModelInfoLabel</name>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="101"/>
        <source>No model loaded</source>
        <translation>尚未載入模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="106"/>
        <source>Input: %1×%2 %3 %4</source>
        <translation>輸入：%1×%2 %3 %4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="108"/>
        <source>Preprocessing: %1, %2, %3</source>
        <translation>前處理：%1、%2、%3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="110"/>
        <source>Output: %1</source>
        <translation>輸出：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="110"/>
        <source>probabilities</source>
        <translation>機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="111"/>
        <source>logits → softmax</source>
        <translation>logits → softmax</translation>
    </message>
</context>
<context>
    <name>ModelTools</name>
    <message>
        <location filename="../../desktop_app/gui/model_tools.py" line="51"/>
        <source>No model is loaded yet</source>
        <translation>尚未載入模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/model_tools.py" line="58"/>
        <source>Benchmarking the providers: live ranking pauses until it is done</source>
        <translation>正在測試執行裝置效能：即時排名暫停至完成為止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/model_tools.py" line="78"/>
        <source>Benchmark stopped: another model or provider was chosen</source>
        <translation>基準測試已停止：已選擇其他模型或執行提供者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/model_tools.py" line="85"/>
        <source>The change applies once the benchmark is done</source>
        <translation>基準測試完成後才會套用此變更</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/model_tools.py" line="93"/>
        <source>Benchmark done</source>
        <translation>效能測試完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/model_tools.py" line="92"/>
        <source>Benchmark stopped</source>
        <translation>效能測試已停止</translation>
    </message>
</context>
<context>
    <name>PictureSession</name>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="120"/>
        <source>Stopped after %1 of %2 pictures</source>
        <translation>已停止：完成 %2 張中的 %1 張</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="104"/>
        <source>Pasted picture</source>
        <translation>貼上的圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="91"/>
        <source>The clipboard holds no picture</source>
        <translation>剪貼簿中沒有圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="106"/>
        <source>Only files on this computer can be opened (nothing is downloaded)</source>
        <translation>只能開啟這台電腦上的檔案（不會下載任何內容）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="134"/>
        <source>Nothing to export yet</source>
        <translation>目前沒有可匯出的結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="142"/>
        <source>Could not save %1</source>
        <translation>無法儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="145"/>
        <source>Saved %1: %2 of %3 pictures, the rest are still being ranked</source>
        <translation>已儲存 %1：%3 張圖片中的 %2 張，其餘仍在分類中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="148"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="164"/>
        <source>Picture %1 of %2 is still being ranked</source>
        <translation>第 %1 張圖片（共 %2 張）仍在排名中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="167"/>
        <source>The last picture</source>
        <translation>已是最後一張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="162"/>
        <source>The first picture</source>
        <translation>已是第一張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="178"/>
        <source>Picture %1 of %2: %3</source>
        <translation>第 %1 張圖片，共 %2 張：%3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="251"/>
        <source>%1 of %2 pictures could not be read</source>
        <translation>%2 張圖片中有 %1 張無法讀取</translation>
    </message>
</context>
<context>
    <name>Pitfalls</name>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="11"/>
        <source>Channels swapped (BGR ↔ RGB)</source>
        <translation>色彩通道對調（BGR ↔ RGB）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="12"/>
        <source>HWC memory fed as CHW</source>
        <translation>HWC 記憶體當成 CHW 餵入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="13"/>
        <source>ImageNet mean/std normalisation</source>
        <translation>ImageNet 平均值／標準差正規化</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="14"/>
        <source>Divided by 255 (0…1)</source>
        <translation>除以 255（0…1）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="15"/>
        <source>(x − 127.5) / 127.5 (−1…1)</source>
        <translation>(x − 127.5) / 127.5（−1…1）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="16"/>
        <source>No normalisation (0…255)</source>
        <translation>未正規化（0…255）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="17"/>
        <source>Logits shown without softmax</source>
        <translation>未經 softmax 就顯示 logits</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="18"/>
        <source>Softmax applied twice</source>
        <translation>softmax 套用兩次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="19"/>
        <source>Stretched to a square</source>
        <translation>拉伸成正方形</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="20"/>
        <source>Centre crop</source>
        <translation>中央裁切</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="21"/>
        <source>Letterboxed</source>
        <translation>加上灰邊（letterbox）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="22"/>
        <source>Wrong input size</source>
        <translation>輸入尺寸錯誤</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="25"/>
        <source>The model saw blue where there is red.</source>
        <translation>模型在紅色的地方看到了藍色。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="26"/>
        <source>Pixels reshaped without a transpose: the model saw stripes of interleaved colours.</source>
        <translation>像素只做了 reshape 而沒有轉置：模型看到交錯顏色的條紋。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="27"/>
        <source>Values scaled with ImageNet&apos;s mean and deviation, not the range this model was trained on.</source>
        <translation>數值以 ImageNet 的平均值與標準差縮放，而不是此模型訓練時的範圍。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="28"/>
        <source>Values 0…1 where the model expects another range: the picture looks washed out to it.</source>
        <translation>數值為 0…1，但模型預期的是另一個範圍：在它看來圖片褪了色。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="29"/>
        <source>Values −1…1 where the model expects another range.</source>
        <translation>數值為 −1…1，但模型預期的是另一個範圍。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="30"/>
        <source>Raw pixel values 0…255: every number the model sees is far too large.</source>
        <translation>原始像素值 0…255：模型看到的每個數字都太大了。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="31"/>
        <source>The order is right, but the numbers are raw scores, not probabilities.</source>
        <translation>順序正確，但數字是原始分數，不是機率。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="32"/>
        <source>The order is right, but every probability is squashed towards 1 / classes.</source>
        <translation>順序正確，但每個機率都被壓向 1／類別數。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="33"/>
        <source>The whole picture squashed to a square: shapes are distorted.</source>
        <translation>整張圖片被壓成正方形：形狀變形了。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="34"/>
        <source>Only the middle of the picture was kept.</source>
        <translation>只保留了圖片的中央部分。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="35"/>
        <source>Grey bars were added around the picture: the subject is smaller.</source>
        <translation>圖片周圍加上了灰色邊條：主體變小了。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="36"/>
        <source>Resized for an input half the size and copied into the corner: the model saw a small picture in a black frame.</source>
        <translation>依一半大小的輸入縮放後複製到角落：模型看到黑框中的一張小圖。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="40"/>
        <source>This picture already has the input&apos;s shape: nothing is squashed, and the whole picture is kept.</source>
        <translation>這張圖片的形狀已與輸入相同：沒有被壓扁，整張圖片都保留下來。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pitfall_texts.py" line="42"/>
        <source>This picture already has the input&apos;s shape: no grey bars were needed, and the whole picture is kept.</source>
        <translation>這張圖片的形狀已與輸入相同：不需要加灰邊，整張圖片都保留下來。</translation>
    </message>
</context>
<context>
    <name>ProviderBadge</name>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="67"/>
        <source>No model</source>
        <translation>沒有模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="70"/>
        <source>Loading model…</source>
        <translation>正在載入模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="74"/>
        <source>Running on %1</source>
        <translation>在 %1 上執行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="79"/>
        <source>Fell back: %1</source>
        <translation>已改用備援：%1</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="59"/>
        <source>Picture</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="59"/>
        <source>Top class</source>
        <translation>最可能類別</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="59"/>
        <source>Probability</source>
        <translation>機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="60"/>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="61"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="62"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="63"/>
        <source>%v of %m pictures</source>
        <translation>%v / %m 張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="104"/>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
</context>
</TS>
