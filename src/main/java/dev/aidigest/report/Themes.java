package dev.aidigest.report;

import java.util.List;
import java.util.regex.Pattern;

/** The themes of the report's AI analysis (技术发展, 产业创新, 社会影响), each found by keywords in an item. */
final class Themes {

    /** One theme: its part of the analysis, its label, its cue. */
    record Theme(String part, String label, Pattern cue) {
        boolean in(String text) {
            return cue.matcher(text).find();
        }
    }

    static final List<String> PARTS = List.of("技术发展", "产业创新", "社会影响");

    static final List<Theme> ALL = List.of(
            theme(
                    "技术发展",
                    "多模态与生成",
                    "图像|视频|图片|语音|多模态|生图|\\bimages?\\b|\\bvideos?\\b|\\bvoice\\b|\\bspeech\\b|multimodal|\\b3D\\b|OCR|\\bsegment"),
            theme(
                    "技术发展",
                    "智能体与编程",
                    "智能体|代理|编程|代码|\\bagents?\\b|\\bagentic\\b|\\bcod(?:e|ing)\\b|Cursor|Codex|Claude Code|\\bvibe"),
            theme(
                    "技术发展",
                    "开源模型",
                    "开源|open[- ]weights?|open[- ]source|Apache|\\bMIT\\b|Hugging ?Face|\\bthe Hub\\b|\\bfully open\\b"),
            theme("技术发展", "推理与科研", "推理|数学|科研|科学|\\breasoning\\b|\\bmath|\\bIMO\\b|\\bresearch\\b|\\bscien"),
            theme("产业创新", "产品与应用", "功能|应用|\\bapp\\b|PPT|购物|\\bshopping\\b|\\bfeature|\\bmode\\b|浏览器|\\bbrowser"),
            theme(
                    "产业创新",
                    "资本与企业",
                    "融资|估值|收购|企业|创业|\\brais(?:ed|es)\\b|\\bfunding\\b|\\bvaluation\\b|\\bstartup|\\benterprise"),
            theme(
                    "产业创新",
                    "算力与硬件",
                    "芯片|算力|数据中心|眼镜|机器人|\\bGPUs?\\b|\\bTPUs?\\b|\\bchips?\\b|data ?cent|\\bcompute\\b|\\bGW\\b|\\bglasses\\b|\\brobot"),
            theme(
                    "社会影响",
                    "安全与伦理",
                    "安全|伦理|作弊|注入|对齐|风险|\\bsafety\\b|\\balignment\\b|reward hacking|prompt injection|\\brisks?\\b|\\bethic"),
            theme(
                    "社会影响",
                    "就业与教育",
                    "就业|工作|教育|作业|学生|老师|\\bjobs?\\b|\\bwork(?:ers|force)\\b|\\beducation\\b|\\bhomework\\b|\\bstudents?\\b|\\breskill|\\btutor"));

    private Themes() {}

    private static Theme theme(String part, String label, String regex) {
        return new Theme(part, label, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }
}
